// Backing services from declared dependencies, per ecosystem naming rules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { servicesFrom } from '../../src/core/detect/services';
import type { Dependency } from '../../src/core/detect/provider';

const deps = (...names: string[]): Dependency[] => names.map((name, i) => ({ name, source: `deps:${i + 1}` }));

test('node: one fact per service, sorted by kind, sourced at the first dependency implying it', () => {
  assert.deepEqual(servicesFrom('node', deps('express', 'ioredis', 'pg', 'bullmq', 'mongoose', 'kafkajs', 'amqplib', 'mysql2')), [
    { value: 'kafka', source: 'deps:6' },
    { value: 'mongodb', source: 'deps:5' },
    { value: 'mysql', source: 'deps:8' },
    { value: 'postgres', source: 'deps:3' },
    { value: 'rabbitmq', source: 'deps:7' },
    { value: 'redis', source: 'deps:2' },
  ]);
});

test('no service-implying dependency: empty list', () => {
  assert.deepEqual(servicesFrom('node', deps('express', 'lodash', 'prisma')), []);
  assert.deepEqual(servicesFrom('static', deps('pg')), []);
});

test('python names compare PEP 503-normalized; celery alone is not redis', () => {
  assert.deepEqual(servicesFrom('python', deps('Django', 'psycopg2_binary', 'celery', 'PyMySQL')), [
    { value: 'mysql', source: 'deps:4' },
    { value: 'postgres', source: 'deps:2' },
  ]);
});

test('go module paths match with or without a major-version suffix', () => {
  assert.deepEqual(servicesFrom('go', deps('github.com/gin-gonic/gin', 'github.com/jackc/pgx/v5', 'github.com/redis/go-redis/v9')), [
    { value: 'postgres', source: 'deps:2' },
    { value: 'redis', source: 'deps:3' },
  ]);
});

test('java groupId:artifactId, ruby gems, php ext-*, .NET ids (case-insensitive), rust crates', () => {
  assert.deepEqual(servicesFrom('java', deps('org.springframework.boot:spring-boot-starter-data-redis', 'org.postgresql:postgresql')).map((s) => s.value), ['postgres', 'redis']);
  assert.deepEqual(servicesFrom('ruby', deps('rails', 'pg', 'sidekiq')).map((s) => s.value), ['postgres', 'redis']);
  assert.deepEqual(servicesFrom('php', deps('laravel/framework', 'ext-pdo_pgsql', 'predis/predis')).map((s) => s.value), ['postgres', 'redis']);
  assert.deepEqual(servicesFrom('dotnet', deps('npgsql.entityframeworkcore.postgresql', 'RabbitMQ.Client')).map((s) => s.value), ['postgres', 'rabbitmq']);
  assert.deepEqual(servicesFrom('rust', deps('tokio-postgres', 'lapin', 'rdkafka')).map((s) => s.value), ['kafka', 'postgres', 'rabbitmq']);
});

test('the same name means different things per ecosystem (pg gem vs pg npm are both postgres; redis crate only in rust)', () => {
  assert.deepEqual(servicesFrom('ruby', deps('pg')).map((s) => s.value), ['postgres']);
  assert.deepEqual(servicesFrom('go', deps('redis')), []);
});
