// rust: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the rust provider reports them).
import type { DependencyTables } from '../../platform/system-packages';
import { OPENSSL_DEV, SQLITE_DEV, fam, p } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  services: {
    postgres: ['postgres', 'tokio-postgres'],
    mysql: ['mysql', 'mysql_async'],
    redis: ['redis'],
    mongodb: ['mongodb'],
    rabbitmq: ['lapin'],
    kafka: ['rdkafka'],
    elasticsearch: ['elasticsearch'],
    memcached: ['memcache'],
  },
  native: {
    'openssl': OPENSSL_DEV,
    'openssl-sys': OPENSSL_DEV,
    'native-tls': OPENSSL_DEV,
    'pq-sys': fam(p(['libpq-dev'], ['libpq5']), p(['libpq-devel'], ['libpq']), p(['postgresql-dev'], ['libpq'])),
    'libsqlite3-sys': SQLITE_DEV,
    'rusqlite': SQLITE_DEV,
  },
};
