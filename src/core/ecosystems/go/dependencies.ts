// go: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the go provider reports them).
import type { DependencyTables } from '../../platform/system-packages';
import { CC } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  // major-version suffix: github.com/jackc/pgx/v5 → github.com/jackc/pgx
  key: (name) => name.replace(/\/v\d+$/, ''),
  services: {
    postgres: ['github.com/lib/pq', 'github.com/jackc/pgx'],
    mysql: ['github.com/go-sql-driver/mysql'],
    redis: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo'],
    mongodb: ['go.mongodb.org/mongo-driver'],
    rabbitmq: ['github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp'],
    kafka: ['github.com/segmentio/kafka-go', 'github.com/IBM/sarama', 'github.com/Shopify/sarama', 'github.com/confluentinc/confluent-kafka-go'],
    elasticsearch: ['github.com/elastic/go-elasticsearch', 'github.com/olivere/elastic'],
    memcached: ['github.com/bradfitz/gomemcache'],
  },
  native: {
    // cgo packages: a C toolchain at build time; SQLite is compiled in.
    'github.com/mattn/go-sqlite3': CC,
    'github.com/confluentinc/confluent-kafka-go': CC,
  },
};
