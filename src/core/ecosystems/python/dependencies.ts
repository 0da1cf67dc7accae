// python: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the python provider reports them).
import type { DependencyTables } from '../../platform/system-packages';
import { LIBPQ, MYSQL_CLIENT, with_, fam, p } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  // PEP 503
  key: (name) => name.toLowerCase().replace(/[-_.]+/g, '-'),
  services: {
    postgres: ['psycopg2', 'psycopg2-binary', 'psycopg', 'psycopg-binary', 'asyncpg'],
    mysql: ['mysqlclient', 'pymysql', 'mysql-connector-python', 'aiomysql'],
    redis: ['redis', 'rq', 'django-redis', 'aioredis'],
    mongodb: ['pymongo', 'motor', 'mongoengine'],
    rabbitmq: ['pika', 'aio-pika'],
    kafka: ['kafka-python', 'confluent-kafka', 'aiokafka'],
    elasticsearch: ['elasticsearch', 'elasticsearch-dsl'],
    memcached: ['pymemcache', 'python-memcached', 'pylibmc'],
  },
  native: {
    'psycopg2': with_(fam(p(['gcc'], []), p(['gcc', 'python3-devel'], []), p(['gcc', 'musl-dev'], [])), LIBPQ),
    // psycopg 3 without the [binary] extra loads the system libpq at run time.
    'psycopg': fam(p([], ['libpq5']), p([], ['libpq']), p([], ['libpq'])),
    'mysqlclient': with_(fam(p(['gcc'], []), p(['gcc', 'python3-devel'], []), p(['gcc', 'musl-dev'], [])), MYSQL_CLIENT),
    // lxml and Pillow publish manylinux and musllinux wheels; these are for a source build.
    'lxml': fam(
      p(['gcc', 'libxml2-dev', 'libxslt1-dev'], ['libxml2', 'libxslt1.1']),
      p(['gcc', 'python3-devel', 'libxml2-devel', 'libxslt-devel'], ['libxml2', 'libxslt']),
      p(['gcc', 'musl-dev', 'libxml2-dev', 'libxslt-dev'], ['libxml2', 'libxslt']),
    ),
    'pillow': fam(
      p(['gcc', 'libjpeg62-turbo-dev', 'zlib1g-dev', 'libfreetype6-dev'], ['libjpeg62-turbo', 'zlib1g', 'libfreetype6']),
      p(['gcc', 'python3-devel', 'libjpeg-turbo-devel', 'zlib-devel', 'freetype-devel'], ['libjpeg-turbo', 'zlib', 'freetype']),
      p(['gcc', 'musl-dev', 'jpeg-dev', 'zlib-dev', 'freetype-dev'], ['libjpeg-turbo', 'zlib', 'freetype']),
    ),
    // cryptography wheels bundle OpenSSL; a source build needs Rust and the OpenSSL headers.
    'cryptography': fam(
      p(['gcc', 'libffi-dev', 'libssl-dev', 'pkg-config', 'cargo'], []),
      p(['gcc', 'python3-devel', 'libffi-devel', 'openssl-devel', 'cargo'], []),
      p(['gcc', 'musl-dev', 'libffi-dev', 'openssl-dev', 'pkgconf', 'cargo'], []),
    ),
    'pyodbc': fam(
      p(['gcc', 'g++', 'unixodbc-dev'], ['unixodbc']),
      p(['gcc', 'gcc-c++', 'python3-devel', 'unixODBC-devel'], ['unixODBC']),
      p(['gcc', 'g++', 'musl-dev', 'unixodbc-dev'], ['unixodbc']),
    ),
    // numpy / pandas / scipy: wheels for glibc and musl; a compiler only for a source build.
    'numpy': fam(p(['gcc', 'g++'], []), p(['gcc', 'gcc-c++', 'python3-devel'], []), p(['gcc', 'g++', 'musl-dev'], [])),
    'pandas': fam(p(['gcc', 'g++'], []), p(['gcc', 'gcc-c++', 'python3-devel'], []), p(['gcc', 'g++', 'musl-dev'], [])),
    'scipy': fam(
      p(['gcc', 'g++', 'gfortran', 'libopenblas-dev'], ['libopenblas0', 'libgfortran5']),
      p(['gcc', 'gcc-c++', 'gcc-gfortran', 'python3-devel', 'openblas-devel'], ['openblas', 'libgfortran']),
      p(['gcc', 'g++', 'gfortran', 'musl-dev', 'openblas-dev'], ['openblas', 'libgfortran']),
    ),
    'python-magic': fam(p([], ['libmagic1']), p([], ['file-libs']), p([], ['libmagic'])),
  },
};
