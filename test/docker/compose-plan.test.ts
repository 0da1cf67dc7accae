// Reading the generated compose plan and .env files into what `up` runs. No engine needed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { durationNs, readComposePlan } from '../../src/docker/compose-plan';
import { interpolate, parseEnvFile } from '../../src/docker/envfile';
import { prepareUp } from '../../src/docker/prepare';
import { EXAMPLES } from '../helpers/docker';

const COMPOSE = `services:
  web:
    build:
      context: ./apps/web
    environment:
      DATABASE_URL: postgres://app:\${POSTGRES_PASSWORD:-app-local-only}@postgres:5432/app
      SESSION_SECRET: \${SESSION_SECRET}
    depends_on:
      postgres:
        condition: service_healthy
  postgres:
    image: postgres:16-bookworm
    environment:
      - POSTGRES_PASSWORD=\${POSTGRES_PASSWORD:-app-local-only}
    healthcheck:
      test: pg_isready -U app
      interval: 1m30s
      timeout: 500ms
      retries: 10
    volumes:
      - postgres-data:/var/lib/postgresql/data
      - ./init.sql:/docker-entrypoint-initdb.d/init.sql
`;

test('compose plan: services with image, env, healthcheck and named volumes; apps with their env and dependencies', () => {
  const plan = readComposePlan(COMPOSE, { POSTGRES_PASSWORD: 's3cret' });
  assert.deepEqual(plan.apps, [{
    name: 'web', context: 'apps/web', dependsOn: ['postgres'],
    // An unset ${SESSION_SECRET} leaves the variable unset (not empty), so the app's own default applies.
    env: { DATABASE_URL: 'postgres://app:s3cret@postgres:5432/app' },
  }]);
  assert.deepEqual(plan.services, [{
    name: 'postgres', image: 'postgres:16-bookworm', env: { POSTGRES_PASSWORD: 's3cret' }, command: undefined,
    healthcheck: { test: ['CMD-SHELL', 'pg_isready -U app'], intervalNs: 90e9, timeoutNs: 5e8, retries: 10, startPeriodNs: undefined },
    volumes: [{ name: 'postgres-data', target: '/var/lib/postgresql/data' }], dependsOn: [],
  }]);
  assert.equal(readComposePlan(COMPOSE, {}).services[0].env.POSTGRES_PASSWORD, 'app-local-only');
});

test('durations and interpolation as compose reads them', () => {
  assert.equal(durationNs('10s'), 10e9);
  assert.equal(durationNs('1h2m'), 3720e9);
  assert.equal(durationNs('soon'), undefined);
  assert.equal(interpolate('a=${A} b=${B:-dflt} c=${C-dash} d=$D e=$$E', { A: '1', B: '', C: '', D: '4' }), 'a=1 b=dflt c= d=4 e=$E');
});

test('.env parsing: export, quotes, comments, escapes', () => {
  const env = parseEnvFile([
    '# comment', 'export A=1', 'B = two words  # trailing', 'C="quoted # not a comment"', "D='single $X'",
    'E="line\\nbreak"', 'not a line', 'F=',
  ].join('\n'));
  assert.deepEqual(env, { A: '1', B: 'two words', C: 'quoted # not a comment', D: 'single $X', E: 'line\nbreak', F: '' });
});

test('prepareUp on the example: generated Dockerfile in memory, redis from the plan, .env merged under service URLs', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-prep-')), 'node-redis');
  fs.cpSync(path.join(EXAMPLES, 'node-redis'), dir, { recursive: true, filter: (p) => !p.includes('node_modules') });
  fs.writeFileSync(path.join(dir, '.env'), 'REDIS_URL=redis://localhost:6379\nGREETING=hi\n');
  const p = prepareUp({ root: dir, display: 'node-redis', withServices: true, shellEnv: {} });
  assert.equal(p.project, 'node-redis');
  assert.match(p.app.dockerfileContent ?? '', /^FROM node:20-bookworm-slim/m);
  assert.equal(p.app.port, 3000);
  assert.deepEqual(p.services.map((s) => [s.name, s.image]), [['redis', 'redis:7.4-bookworm']]);
  assert.deepEqual(p.env, { GREETING: 'hi', PORT: '3000', REDIS_URL: 'redis://redis:6379' });
  assert.ok(p.notes.some((n) => n.startsWith("REDIS_URL: the service value replaces the one in .env (inside the network the service is 'redis')")), p.notes.join('\n'));
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.env', 'package-lock.json', 'package.json', 'server.js'], 'nothing written to the app folder');

  const noServices = prepareUp({ root: dir, display: 'node-redis', withServices: false, shellEnv: {} });
  assert.deepEqual(noServices.services, []);
  assert.ok(noServices.notes.includes('not starting redis (--no-services)'));
});

test('prepareUp refuses ambiguous or empty folders with the apps it found', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-prep-empty-'));
  assert.throws(() => prepareUp({ root: empty, display: 'empty', withServices: true }), /no deployable app found under empty/);
  assert.throws(() => prepareUp({ root: path.join(EXAMPLES, 'node-redis'), display: 'x', appPath: 'nope', withServices: true }), /--app nope: no app there\n\s+Apps found: \./);
});
