// Backing services implied by declared dependencies: one fact per service kind, sourced at the first
// dependency (in the provider's order) that implies it.
import type { Ecosystem, Fact, ServiceKind } from '../model';
import type { Dependency } from './provider';

type Table = Partial<Record<ServiceKind, readonly string[]>>;

const SPRING = 'org.springframework.boot:spring-boot-starter-';

/** Dependency names per ecosystem, in the form the spec gives (normalized python, go module paths…). */
export const SERVICE_TABLE: Record<Ecosystem, Table> = {
  node: {
    postgres: ['pg', 'postgres', 'pg-promise', 'pg-native', '@neondatabase/serverless', '@vercel/postgres'],
    mysql: ['mysql', 'mysql2'],
    redis: ['redis', 'ioredis', 'bull', 'bullmq', '@redis/client'],
    mongodb: ['mongodb', 'mongoose'],
    rabbitmq: ['amqplib', 'amqp-connection-manager'],
    kafka: ['kafkajs', 'node-rdkafka', '@confluentinc/kafka-javascript'],
    elasticsearch: ['@elastic/elasticsearch', 'elasticsearch'],
    memcached: ['memjs', 'memcached'],
  },
  python: {
    postgres: ['psycopg2', 'psycopg2-binary', 'psycopg', 'psycopg-binary', 'asyncpg'],
    mysql: ['mysqlclient', 'pymysql', 'mysql-connector-python', 'aiomysql'],
    redis: ['redis', 'rq', 'django-redis', 'aioredis'],
    mongodb: ['pymongo', 'motor', 'mongoengine'],
    rabbitmq: ['pika', 'aio-pika'],
    kafka: ['kafka-python', 'confluent-kafka', 'aiokafka'],
    elasticsearch: ['elasticsearch', 'elasticsearch-dsl'],
    memcached: ['pymemcache', 'python-memcached', 'pylibmc'],
  },
  go: {
    postgres: ['github.com/lib/pq', 'github.com/jackc/pgx'],
    mysql: ['github.com/go-sql-driver/mysql'],
    redis: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo'],
    mongodb: ['go.mongodb.org/mongo-driver'],
    rabbitmq: ['github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp'],
    kafka: ['github.com/segmentio/kafka-go', 'github.com/IBM/sarama', 'github.com/Shopify/sarama', 'github.com/confluentinc/confluent-kafka-go'],
    elasticsearch: ['github.com/elastic/go-elasticsearch', 'github.com/olivere/elastic'],
    memcached: ['github.com/bradfitz/gomemcache'],
  },
  java: {
    postgres: ['org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql'],
    mysql: ['mysql:mysql-connector-java', 'com.mysql:mysql-connector-j'],
    redis: [`${SPRING}data-redis`, `${SPRING}data-redis-reactive`, 'redis.clients:jedis', 'io.lettuce:lettuce-core'],
    mongodb: [`${SPRING}data-mongodb`, `${SPRING}data-mongodb-reactive`, 'org.mongodb:mongodb-driver-sync', 'org.mongodb:mongodb-driver-reactivestreams'],
    rabbitmq: [`${SPRING}amqp`, 'com.rabbitmq:amqp-client'],
    kafka: ['org.springframework.kafka:spring-kafka', 'org.apache.kafka:kafka-clients'],
    elasticsearch: [`${SPRING}data-elasticsearch`, 'co.elastic.clients:elasticsearch-java'],
    memcached: ['net.spy:spymemcached'],
  },
  ruby: {
    postgres: ['pg'],
    mysql: ['mysql2'],
    redis: ['redis', 'sidekiq', 'resque'],
    mongodb: ['mongoid', 'mongo'],
    rabbitmq: ['bunny', 'sneakers'],
    kafka: ['ruby-kafka', 'rdkafka', 'karafka'],
    elasticsearch: ['elasticsearch', 'searchkick'],
    memcached: ['dalli'],
  },
  php: {
    postgres: ['ext-pgsql', 'ext-pdo_pgsql'],
    mysql: ['ext-mysqli', 'ext-pdo_mysql'],
    redis: ['predis/predis', 'ext-redis'],
    mongodb: ['mongodb/mongodb', 'ext-mongodb'],
    rabbitmq: ['php-amqplib/php-amqplib', 'ext-amqp'],
    kafka: ['ext-rdkafka'],
    elasticsearch: ['elasticsearch/elasticsearch'],
    memcached: ['ext-memcached'],
  },
  dotnet: {
    postgres: ['Npgsql', 'Npgsql.EntityFrameworkCore.PostgreSQL'],
    mysql: ['MySql.Data', 'MySqlConnector', 'Pomelo.EntityFrameworkCore.MySql'],
    redis: ['StackExchange.Redis', 'Microsoft.Extensions.Caching.StackExchangeRedis'],
    mongodb: ['MongoDB.Driver'],
    rabbitmq: ['RabbitMQ.Client'],
    kafka: ['Confluent.Kafka'],
    elasticsearch: ['Elastic.Clients.Elasticsearch', 'NEST'],
    memcached: ['EnyimMemcachedCore'],
  },
  rust: {
    postgres: ['postgres', 'tokio-postgres'],
    mysql: ['mysql', 'mysql_async'],
    redis: ['redis'],
    mongodb: ['mongodb'],
    rabbitmq: ['lapin'],
    kafka: ['rdkafka'],
    elasticsearch: ['elasticsearch'],
    memcached: ['memcache'],
  },
  static: {},
};

/** Lookup key for a dependency name: how each ecosystem compares names. */
export function dependencyKey(eco: Ecosystem, name: string): string {
  switch (eco) {
    case 'python':
      return name.toLowerCase().replace(/[-_.]+/g, '-'); // PEP 503
    case 'go':
      return name.replace(/\/v\d+$/, ''); // major-version suffix: github.com/jackc/pgx/v5 → github.com/jackc/pgx
    case 'dotnet':
    case 'php':
      return name.toLowerCase(); // NuGet ids and Composer names are case-insensitive
    default:
      return name;
  }
}

const INDEX = new Map<Ecosystem, Map<string, ServiceKind>>();
function indexFor(eco: Ecosystem): Map<string, ServiceKind> {
  let idx = INDEX.get(eco);
  if (!idx) {
    idx = new Map();
    for (const [kind, names] of Object.entries(SERVICE_TABLE[eco]) as [ServiceKind, string[]][]) {
      for (const n of names) idx.set(dependencyKey(eco, n), kind);
    }
    INDEX.set(eco, idx);
  }
  return idx;
}

export function servicesFrom(eco: Ecosystem, deps: readonly Dependency[]): Fact<ServiceKind>[] {
  const idx = indexFor(eco);
  const found = new Map<ServiceKind, Fact<ServiceKind>>();
  for (const dep of deps) {
    const kind = idx.get(dependencyKey(eco, dep.name));
    if (kind && !found.has(kind)) found.set(kind, { value: kind, source: dep.source });
  }
  return [...found.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
