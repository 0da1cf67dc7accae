// php: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the php provider reports them).
import type { DependencyTables } from '../../platform/system-packages';
import { LIBPQ, NONE, fam, p } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  // Composer names are case-insensitive
  key: (name) => name.toLowerCase(),
  services: {
    postgres: ['ext-pgsql', 'ext-pdo_pgsql'],
    mysql: ['ext-mysqli', 'ext-pdo_mysql'],
    redis: ['predis/predis', 'ext-redis'],
    mongodb: ['mongodb/mongodb', 'ext-mongodb'],
    rabbitmq: ['php-amqplib/php-amqplib', 'ext-amqp'],
    kafka: ['ext-rdkafka'],
    elasticsearch: ['elasticsearch/elasticsearch'],
    memcached: ['ext-memcached'],
  },
  native: {
    // Extensions installed with docker-php-ext-install / pecl: headers to build, libraries to run.
    'ext-pgsql': LIBPQ,
    'ext-pdo_pgsql': LIBPQ,
    'ext-pdo_mysql': NONE,
    'ext-mysqli': NONE,
    'ext-gd': fam(
      p(['libpng-dev', 'libjpeg62-turbo-dev', 'libfreetype6-dev'], ['libpng16-16', 'libjpeg62-turbo', 'libfreetype6']),
      p(['libpng-devel', 'libjpeg-turbo-devel', 'freetype-devel'], ['libpng', 'libjpeg-turbo', 'freetype']),
      p(['libpng-dev', 'libjpeg-turbo-dev', 'freetype-dev'], ['libpng', 'libjpeg-turbo', 'freetype']),
    ),
    'ext-intl': fam(p(['libicu-dev'], ['libicu72']), p(['libicu-devel'], ['libicu']), p(['icu-dev'], ['icu-libs'])),
    'ext-zip': fam(p(['libzip-dev'], ['libzip4']), p(['libzip-devel'], ['libzip']), p(['libzip-dev'], ['libzip'])),
    'ext-xsl': fam(p(['libxslt1-dev'], ['libxslt1.1']), p(['libxslt-devel'], ['libxslt']), p(['libxslt-dev'], ['libxslt'])),
    'ext-soap': fam(p(['libxml2-dev'], ['libxml2']), p(['libxml2-devel'], ['libxml2']), p(['libxml2-dev'], ['libxml2'])),
    'ext-ldap': fam(p(['libldap2-dev'], ['libldap-2.5-0']), p(['openldap-devel'], ['openldap']), p(['openldap-dev'], ['libldap'])),
    'ext-imagick': fam(p(['libmagickwand-dev'], ['libmagickwand-6.q16-6']), p(['ImageMagick-devel'], ['ImageMagick-libs']), p(['imagemagick-dev'], ['imagemagick-libs'])),
    'ext-memcached': fam(p(['libmemcached-dev', 'zlib1g-dev'], ['libmemcached11']), p(['libmemcached-awesome-devel', 'zlib-devel'], ['libmemcached-awesome']), p(['libmemcached-dev', 'zlib-dev'], ['libmemcached-libs'])),
    'ext-amqp': fam(p(['librabbitmq-dev'], ['librabbitmq4']), p(['librabbitmq-devel'], ['librabbitmq']), p(['rabbitmq-c-dev'], ['rabbitmq-c'])),
    'ext-mongodb': fam(p(['libssl-dev'], []), p(['openssl-devel'], []), p(['openssl-dev'], [])),
    'ext-redis': NONE,
    'ext-rdkafka': fam(p(['librdkafka-dev'], ['librdkafka1']), p(['librdkafka-devel'], ['librdkafka']), p(['librdkafka-dev'], ['librdkafka'])),
  },
};
