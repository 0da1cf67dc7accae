// Backing services as data: the pinned image compose runs, its healthcheck and volume, and the env var
// names apps use to find it. An app is wired with the names its code reads; when it reads none of them it
// gets the conventional one (DATABASE_URL, REDIS_URL, MONGODB_URI, AMQP_URL…).
import type { EnvVarUse, ServiceKind } from '../model';

export interface ServiceSpec {
  kind: ServiceKind;
  image: string;
  port: number;
  environment: Record<string, string>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period?: string };
  volume?: { name: string; target: string };
  /** Conventional env var when the code reads none of `vars`. */
  conventional: string;
  /** Env var name → what it holds. */
  vars: Record<string, VarRole>;
}

export type VarRole = 'url' | 'host' | 'port' | 'user' | 'password' | 'database' | 'brokers';

/** Local-only credentials for compose; overridable from the shell or a .env file. */
const USER = 'app';
const DB = 'app';

export const SERVICE_SPECS: Record<ServiceKind, ServiceSpec> = {
  postgres: {
    kind: 'postgres', image: 'postgres:16-bookworm', port: 5432,
    environment: { POSTGRES_DB: DB, POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-app-local-only}', POSTGRES_USER: USER },
    healthcheck: { test: ['CMD-SHELL', 'pg_isready -U app -d app'], interval: '5s', timeout: '3s', retries: 10 },
    volume: { name: 'postgres-data', target: '/var/lib/postgresql/data' },
    conventional: 'DATABASE_URL',
    vars: {
      DATABASE_URL: 'url', POSTGRES_URL: 'url', PG_URL: 'url', PGHOST: 'host', POSTGRES_HOST: 'host', DB_HOST: 'host',
      PGPORT: 'port', POSTGRES_PORT: 'port', DB_PORT: 'port', PGUSER: 'user', POSTGRES_USER: 'user', DB_USER: 'user',
      DB_USERNAME: 'user', PGPASSWORD: 'password', POSTGRES_PASSWORD: 'password', DB_PASSWORD: 'password',
      PGDATABASE: 'database', POSTGRES_DB: 'database', DB_NAME: 'database', DB_DATABASE: 'database',
    },
  },
  mysql: {
    kind: 'mysql', image: 'mysql:8.4', port: 3306,
    environment: { MYSQL_DATABASE: DB, MYSQL_PASSWORD: '${MYSQL_PASSWORD:-app-local-only}', MYSQL_ROOT_PASSWORD: '${MYSQL_ROOT_PASSWORD:-root-local-only}', MYSQL_USER: USER },
    healthcheck: { test: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 -u root -p"$$MYSQL_ROOT_PASSWORD" --silent'], interval: '5s', timeout: '3s', retries: 20 },
    volume: { name: 'mysql-data', target: '/var/lib/mysql' },
    conventional: 'DATABASE_URL',
    vars: {
      DATABASE_URL: 'url', MYSQL_URL: 'url', MYSQL_HOST: 'host', DB_HOST: 'host', MYSQL_PORT: 'port', DB_PORT: 'port',
      MYSQL_USER: 'user', DB_USER: 'user', DB_USERNAME: 'user', MYSQL_PASSWORD: 'password', DB_PASSWORD: 'password',
      MYSQL_DATABASE: 'database', DB_NAME: 'database', DB_DATABASE: 'database',
    },
  },
  redis: {
    kind: 'redis', image: 'redis:7.4-bookworm', port: 6379, environment: {},
    healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '5s', timeout: '3s', retries: 10 },
    volume: { name: 'redis-data', target: '/data' },
    conventional: 'REDIS_URL',
    vars: { REDIS_URL: 'url', REDIS_HOST: 'host', REDIS_PORT: 'port', CACHE_URL: 'url', REDIS_TLS_URL: 'url' },
  },
  mongodb: {
    kind: 'mongodb', image: 'mongo:7.0', port: 27017,
    environment: { MONGO_INITDB_ROOT_PASSWORD: '${MONGO_PASSWORD:-app-local-only}', MONGO_INITDB_ROOT_USERNAME: USER },
    healthcheck: { test: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"], interval: '5s', timeout: '5s', retries: 10 },
    volume: { name: 'mongodb-data', target: '/data/db' },
    conventional: 'MONGODB_URI',
    vars: { MONGODB_URI: 'url', MONGODB_URL: 'url', MONGO_URL: 'url', MONGO_URI: 'url', MONGO_HOST: 'host', MONGO_PORT: 'port' },
  },
  rabbitmq: {
    kind: 'rabbitmq', image: 'rabbitmq:3.13-management', port: 5672,
    environment: { RABBITMQ_DEFAULT_PASS: '${RABBITMQ_PASSWORD:-app-local-only}', RABBITMQ_DEFAULT_USER: USER },
    healthcheck: { test: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'], interval: '10s', timeout: '5s', retries: 10 },
    volume: { name: 'rabbitmq-data', target: '/var/lib/rabbitmq' },
    conventional: 'AMQP_URL',
    vars: { AMQP_URL: 'url', RABBITMQ_URL: 'url', CLOUDAMQP_URL: 'url', BROKER_URL: 'url', CELERY_BROKER_URL: 'url', RABBITMQ_HOST: 'host' },
  },
  kafka: {
    kind: 'kafka', image: 'apache/kafka:3.8.0', port: 9092,
    environment: {
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092', KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093', KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT', KAFKA_NODE_ID: '1',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1', KAFKA_PROCESS_ROLES: 'broker,controller',
    },
    healthcheck: { test: ['CMD-SHELL', '/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null 2>&1'], interval: '10s', timeout: '10s', retries: 10, start_period: '20s' },
    volume: { name: 'kafka-data', target: '/var/lib/kafka/data' },
    conventional: 'KAFKA_BROKERS',
    vars: { KAFKA_BROKERS: 'brokers', KAFKA_BOOTSTRAP_SERVERS: 'brokers', KAFKA_URL: 'brokers', KAFKA_BROKER: 'brokers' },
  },
  elasticsearch: {
    kind: 'elasticsearch', image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', port: 9200,
    environment: { 'discovery.type': 'single-node', ES_JAVA_OPTS: '-Xms512m -Xmx512m', 'xpack.security.enabled': 'false' },
    healthcheck: { test: ['CMD-SHELL', 'curl -fs http://localhost:9200/_cluster/health > /dev/null'], interval: '10s', timeout: '5s', retries: 20 },
    volume: { name: 'elasticsearch-data', target: '/usr/share/elasticsearch/data' },
    conventional: 'ELASTICSEARCH_URL',
    vars: { ELASTICSEARCH_URL: 'url', ELASTIC_URL: 'url', ES_URL: 'url' },
  },
  memcached: {
    kind: 'memcached', image: 'memcached:1.6-bookworm', port: 11211, environment: {},
    conventional: 'MEMCACHED_SERVERS',
    vars: { MEMCACHED_SERVERS: 'brokers', MEMCACHE_SERVERS: 'brokers', MEMCACHED_URL: 'brokers', MEMCACHIER_SERVERS: 'brokers' },
  },
};

export interface ServiceVar {
  name: string;
  service: ServiceKind;
  role: VarRole;
  /** Credential-bearing: a Secret reference in Kubernetes. */
  secret: boolean;
  /** The code reads it (false for a conventional name added because the code reads none). */
  read: boolean;
}

/** The env vars that connect an app to its backing services, sorted by name. */
export function wiredServiceVars(env: EnvVarUse[], services: ServiceKind[]): ServiceVar[] {
  const out = new Map<string, ServiceVar>();
  for (const kind of services) {
    const spec = SERVICE_SPECS[kind];
    const read = env.filter((e) => spec.vars[e.name] && !out.has(e.name));
    const names = read.length ? read.map((e) => e.name) : out.has(spec.conventional) ? [] : [spec.conventional];
    for (const name of names) {
      const role = spec.vars[name];
      const use = env.find((e) => e.name === name);
      out.set(name, { name, service: kind, role, secret: role === 'password' || (role === 'url' && hasCredentials(kind)) || Boolean(use?.secret), read: Boolean(use) });
    }
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function hasCredentials(kind: ServiceKind): boolean {
  return kind === 'postgres' || kind === 'mysql' || kind === 'mongodb' || kind === 'rabbitmq';
}

/** The value of a service var for a host name (compose service name or Kubernetes Service name). */
export function serviceValue(v: ServiceVar, host: string, password: string): string {
  const spec = SERVICE_SPECS[v.service];
  switch (v.role) {
    case 'host': return host;
    case 'port': return String(spec.port);
    case 'user': return USER;
    case 'password': return password;
    case 'database': return DB;
    case 'brokers': return `${host}:${spec.port}`;
    case 'url':
      switch (v.service) {
        case 'postgres': return `postgres://${USER}:${password}@${host}:${spec.port}/${DB}`;
        case 'mysql': return `mysql://${USER}:${password}@${host}:${spec.port}/${DB}`;
        case 'mongodb': return `mongodb://${USER}:${password}@${host}:${spec.port}/${DB}?authSource=admin`;
        case 'rabbitmq': return `amqp://${USER}:${password}@${host}:${spec.port}/`;
        case 'redis': return `redis://${host}:${spec.port}`;
        case 'elasticsearch': return `http://${host}:${spec.port}`;
        default: return `${host}:${spec.port}`;
      }
  }
}

/** The compose interpolation holding the local password of a service. */
export function composePassword(kind: ServiceKind): string {
  const env = Object.entries(SERVICE_SPECS[kind].environment);
  // The app's user: MYSQL_PASSWORD rather than the root one; MongoDB's only user is its root user.
  const entry = env.find(([k]) => /PASS/.test(k) && !/ROOT/.test(k)) ?? env.find(([k]) => /PASS/.test(k));
  const m = /\$\{[A-Z_]+:-[^}]*\}/.exec(entry?.[1] ?? '');
  return m ? m[0] : '';
}
