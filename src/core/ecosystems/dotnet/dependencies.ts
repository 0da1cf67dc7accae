// dotnet: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the dotnet provider reports them).
import type { DependencyTables } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  // NuGet ids are case-insensitive
  key: (name) => name.toLowerCase(),
  services: {
    postgres: ['Npgsql', 'Npgsql.EntityFrameworkCore.PostgreSQL'],
    mysql: ['MySql.Data', 'MySqlConnector', 'Pomelo.EntityFrameworkCore.MySql'],
    redis: ['StackExchange.Redis', 'Microsoft.Extensions.Caching.StackExchangeRedis'],
    mongodb: ['MongoDB.Driver'],
    rabbitmq: ['RabbitMQ.Client'],
    kafka: ['Confluent.Kafka'],
    elasticsearch: ['Elastic.Clients.Elasticsearch', 'NEST'],
    memcached: ['EnyimMemcachedCore'],
  },
  native: {},
};
