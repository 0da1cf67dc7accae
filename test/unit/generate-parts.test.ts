// The pieces generation is built from: base-image choice, names, start-command parsing, service wiring,
// and the checks (lint, schema, consistency) failing on bad input — each check must be able to fail.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imagesFor, tagVersion } from '../../src/core/platform/base-images';
import { dnsLabel, uniqueLabels } from '../../src/core/generate/names';
import { envPrefix, splitCommand } from '../../src/core/generate/dockerfile/render';
import { goTarget } from '../../src/core/ecosystems/go/dockerfile';
import { composePassword, SERVICE_SPECS, wiredServiceVars } from '../../src/core/generate/services';
import { lintDockerfile } from '../../src/core/generate/lint';
import { validateObject } from '../../src/core/generate/validate/schema';
import { checkConsistency } from '../../src/core/generate/validate/consistency';
import { contextDir } from '../../src/core/generate/plan';
import { DEFAULT_OPTIONS, generate, GenerateError } from '../../src/core/generate';
import type { DetectResult, EnvVarUse } from '../../src/core/model';
import { GOLDEN } from '../helpers/paths';

const golden = (name: string, file: string) => fs.readFileSync(path.join(GOLDEN, name, 'expected', file), 'utf8');
const detectOf = (name: string) => JSON.parse(fs.readFileSync(path.join(GOLDEN, name, 'detect.json'), 'utf8')) as DetectResult;

test('runtime versions become pinned tags; no version means a stated default', () => {
  assert.deepEqual(tagVersion('node', '^20.11.1'), { version: '20', defaulted: false });
  assert.deepEqual(tagVersion('node', '>=18'), { version: '22', defaulted: false });
  assert.deepEqual(tagVersion('python', '3.12.4'), { version: '3.12', defaulted: false });
  assert.deepEqual(tagVersion('python', '~=3.11'), { version: '3.11', defaulted: false });
  assert.deepEqual(tagVersion('java', '1.8'), { version: '8', defaulted: false });
  assert.deepEqual(tagVersion('dotnet', 'net8.0'), { version: '8.0', defaulted: false });
  assert.deepEqual(tagVersion('go', undefined), { version: '1.23', defaulted: true });
  const py = imagesFor({ family: 'debian', ecosystem: 'python', detected: null });
  assert.equal(py.runtime.ref, 'python:3.12-slim-bookworm');
  assert.match(py.note, /no version detected/);
  assert.equal(imagesFor({ family: 'alpine', ecosystem: 'node', detected: { value: '20', source: '.nvmrc' } }).runtime.ref, 'node:20-alpine');
  const ubi = imagesFor({ family: 'rhel', ecosystem: 'node', detected: { value: '21', source: '.nvmrc' } });
  assert.equal(ubi.runtime.ref, 'registry.access.redhat.com/ubi9/nodejs-22-minimal:1');
  assert.match(ubi.warnings[0], /no UBI 9 image/);
  assert.equal(imagesFor({ family: 'debian', ecosystem: 'java', detected: { value: '21', source: 'pom.xml' }, tool: 'maven' }).runtime.ref, 'eclipse-temurin:21-jre');
  for (const fam of ['debian', 'rhel', 'alpine'] as const) {
    for (const eco of ['node', 'python', 'go', 'java', 'ruby', 'php', 'dotnet', 'rust', 'static'] as const) {
      const c = imagesFor({ family: fam, ecosystem: eco, detected: null });
      for (const ref of [c.build.ref, c.runtime.ref]) assert.match(ref, /:[^/:]+$/, `${ref} is tagged`), assert.doesNotMatch(ref, /:latest$/);
    }
  }
});

test('names are DNS-1123 labels and stay distinct', () => {
  assert.equal(dnsLabel('@acme/Orders_API'), 'orders-api');
  assert.equal(dnsLabel('Billing.Api'), 'billing-api');
  assert.equal(dnsLabel('---'), 'app');
  assert.equal(dnsLabel('x'.repeat(80)).length, 63);
  assert.deepEqual(uniqueLabels(['api', 'API', 'web']), ['api', 'api-2', 'web']);
});

test('simple start commands become exec form; shell syntax does not', () => {
  assert.deepEqual(splitCommand('node dist/server.js'), ['node', 'dist/server.js']);
  assert.deepEqual(splitCommand('gunicorn app:app --bind 0.0.0.0:8000'), ['gunicorn', 'app:app', '--bind', '0.0.0.0:8000']);
  assert.deepEqual(splitCommand('PORT=5000 node x.js'), ['node', 'x.js']);
  assert.deepEqual(envPrefix('PORT=5000 API_TOKEN=x node x.js').env, ['PORT=5000']);
  for (const s of ['node a.js && node b.js', 'PORT=$P node x.js', 'node $ENTRY', "sh -c 'x'", 'a | b', '']) assert.equal(splitCommand(s), null, s);
  assert.equal(goTarget('go build -o /out/shop ./cmd/shop'), './cmd/shop');
  assert.equal(goTarget('go build -o /out/app .'), '.');
  assert.equal(goTarget(undefined), '.');
});

test('workspace members build from the folder holding the lockfile', () => {
  assert.equal(contextDir('apps/api', '../../pnpm-lock.yaml'), '');
  assert.equal(contextDir('repo/apps/api', '../../yarn.lock'), 'repo');
  assert.equal(contextDir('apps/api', 'package-lock.json'), 'apps/api');
});

test('service env: the names the code reads, else the conventional one', () => {
  const env = (name: string, secret = false): EnvVarUse => ({ name, secret, hasDefault: false, source: 'x:1' });
  assert.deepEqual(wiredServiceVars([], ['postgres', 'redis']).map((v) => v.name), ['DATABASE_URL', 'REDIS_URL']);
  const read = wiredServiceVars([env('PGHOST'), env('PGPASSWORD', true), env('MONGO_URL')], ['mongodb', 'postgres']);
  assert.deepEqual(read.map((v) => [v.name, v.secret]), [['MONGO_URL', true], ['PGHOST', false], ['PGPASSWORD', true]]);
  assert.deepEqual(wiredServiceVars([env('CELERY_BROKER_URL')], ['rabbitmq']).map((v) => v.name), ['CELERY_BROKER_URL']);
});

test('the Dockerfile lint catches every rule it enforces', () => {
  const good = golden('node-express', 'Dockerfile');
  const opts = { server: true, lockfile: 'package-lock.json' };
  assert.deepEqual(lintDockerfile(good, opts), []);
  const cases: [string, RegExp][] = [
    [good.replace('node:22-bookworm-slim AS deps', 'node:latest AS deps'), /uses latest/],
    [good.replace('FROM node:22-bookworm-slim AS deps', 'FROM node AS deps'), /has no tag/],
    ['# syntax=docker/dockerfile:1\n' + good, /syntax/],
    [good.replace('USER 10001:10001', 'USER 0'), /USER is root/],
    [good.replace('USER 10001:10001', 'USER node'), /not numeric/],
    [good.replace('USER 10001:10001\n', ''), /no USER/],
    [good.replace(/HEALTHCHECK[^\n]*\n[^\n]*\n/, ''), /no HEALTHCHECK/],
    [good.replace('ENV NODE_ENV=production', 'ENV NODE_ENV=production API_TOKEN=abc'), /API_TOKEN looks like a secret/],
    [good.replace('CMD ["node", "src/server.js"]', 'CMD node src/server.js'), /exec form/],
    [good.replace('RUN npm ci --omit=dev', 'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev'), /BuildKit/],
    [good.replace('COPY package.json package-lock.json ./\n', '').replace('COPY . .', 'COPY . .\nCOPY package-lock.json ./'), /after the sources/],
  ];
  for (const [text, want] of cases) assert.ok(lintDockerfile(text, opts).some((p) => want.test(p)), `expected ${want}`);
});

test('schema validation rejects malformed objects and bad names', () => {
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'api', image: 'api:1', ports: [{ containerPort: 'http' }] }] } } } };
  assert.ok(validateObject(dep).some((p) => /containerPort/.test(p)));
  assert.ok(validateObject({ ...dep, metadata: { name: 'Bad_Name' } }).some((p) => /DNS-1123/.test(p)));
  assert.ok(validateObject({ apiVersion: 'v1', kind: 'Nope', metadata: { name: 'x' } }).some((p) => /unknown kind/.test(p)));
  assert.ok(validateObject({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['secret.example.yaml'] }).length > 0);
});

test('consistency checks catch a port, UID or env wiring mismatch', () => {
  const app = detectOf('node-express').apps[0];
  const manifests = Object.fromEntries(['deployment.yaml', 'service.yaml', 'configmap.yaml'].map((f) => [f, golden('node-express', `deploy/k8s/${f}`)]));
  const dockerfile = golden('node-express', 'Dockerfile');
  const compose = golden('node-express', 'compose.yaml');
  const base = { app, dockerfile, manifests, compose, composeService: 'orders-api' };
  assert.deepEqual(checkConsistency(base), []);
  assert.ok(checkConsistency({ ...base, dockerfile: dockerfile.replace('EXPOSE 3000', 'EXPOSE 8080') }).some((p) => /EXPOSE 8080/.test(p)));
  assert.ok(checkConsistency({ ...base, dockerfile: dockerfile.replace('USER 10001:10001', 'USER 1000:1000') }).some((p) => /runAsUser/.test(p)));
  assert.ok(checkConsistency({ ...base, manifests: { ...manifests, 'deployment.yaml': manifests['deployment.yaml'].replace('containerPort: 3000', 'containerPort: 3001') } }).length > 0);
  const needy = { ...app, env: [...app.env, { name: 'FEATURE_FLAGS', secret: false, hasDefault: false, source: 'src/flags.js:1' }] };
  assert.ok(checkConsistency({ ...base, app: needy }).some((p) => /FEATURE_FLAGS .* not wired in the Deployment/.test(p)));
});

test('generation is deterministic and never emits a Secret value or latest', () => {
  for (const name of ['monorepo', 'node-express', 'python-django']) {
    const d = detectOf(name);
    const a = generate(d, DEFAULT_OPTIONS);
    const b = generate(JSON.parse(JSON.stringify(d)), DEFAULT_OPTIONS);
    assert.deepEqual(a, b);
    for (const f of a.files) {
      assert.doesNotMatch(f.content, /:latest\b/);
      assert.ok(!/^kind: Secret$/m.test(f.content) || f.path.endsWith('secret.example.yaml'), `${f.path} holds no Secret`);
    }
  }
});

test('bad options are refused before anything is generated', () => {
  const d = detectOf('node-express');
  assert.throws(() => generate(d, { ...DEFAULT_OPTIONS, imageTag: 'latest' }), /never latest/);
  assert.throws(() => generate(d, { ...DEFAULT_OPTIONS, k8sDir: '../elsewhere' }), /relative path inside the app/);
  assert.throws(() => generate(d, { ...DEFAULT_OPTIONS, family: 'windows' as never }), /unknown base family/);
  assert.ok(GenerateError.prototype instanceof Error);
});

test('a Go module inside a go.work workspace builds from the workspace folder', () => {
  const d = detectOf('go');
  const app = { ...d.apps[0], path: 'services/api', runtimeVersion: { value: '1.22', source: 'services/api/go.mod:3' } };
  const repo = { readText: (p: string) => (p === 'go.work' ? 'go 1.22\nuse ./services/api\n' : undefined) };
  const withWork = generate({ ...d, apps: [app] }, { ...DEFAULT_OPTIONS, repo });
  const df = withWork.files.find((f) => f.path === 'services/api/Dockerfile')!;
  assert.equal(df.buildContext, '');
  assert.match(df.content, /-o \/out\/go-basic \.\/services\/api$/m);
  const without = generate({ ...d, apps: [app] }, DEFAULT_OPTIONS).files.find((f) => f.path === 'services/api/Dockerfile')!;
  assert.equal(without.buildContext, 'services/api');
  assert.match(without.content, /^COPY go\.mod go\.sum \.\/$/m);
});

test('a Yarn 2+ lockfile gets Yarn 2+ commands and its .yarnrc.yml; Plug\'n\'Play is called out', () => {
  const d = detectOf('node-next');
  const files: Record<string, string> = { 'yarn.lock': '__metadata:\n  version: 8\n', '.yarnrc.yml': 'nodeLinker: node-modules\n' };
  const berry = generate(d, { ...DEFAULT_OPTIONS, repo: { readText: (p: string) => files[p] } });
  const df = berry.files.find((f) => f.path === 'Dockerfile')!.content;
  assert.match(df, /^COPY package\.json yarn\.lock \.yarnrc\.yml \.\/$/m);
  assert.match(df, /yarn install --immutable/);
  assert.match(df, /yarn workspaces focus --all --production/);
  assert.ok(!berry.warnings.some((w) => /Plug'n'Play/.test(w.message)));
  delete files['.yarnrc.yml'];
  const pnp = generate(d, { ...DEFAULT_OPTIONS, repo: { readText: (p: string) => files[p] } });
  assert.ok(pnp.warnings.some((w) => /Plug'n'Play/.test(w.message)));
  const classic = generate(d, DEFAULT_OPTIONS).files.find((f) => f.path === 'Dockerfile')!.content;
  assert.match(classic, /yarn install --frozen-lockfile --production/);
});

test('compose wires each database URL with the password its container is started with', () => {
  for (const kind of ['postgres', 'mysql', 'mongodb', 'rabbitmq'] as const) {
    const pw = composePassword(kind);
    assert.match(pw, /^\$\{[A-Z_]+:-[a-z-]+\}$/, kind);
    assert.ok(Object.values(SERVICE_SPECS[kind].environment).includes(pw), `${kind} container uses ${pw}`);
  }
});
