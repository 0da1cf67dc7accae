// Causes found on real repositories (issue: real apps must build and run), each pinned in general terms:
// start scripts that cannot run in the production image, floors read as pins, tags never published,
// env the image owns or that is optional.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { productionStart, readManifest } from '../../src/core/ecosystems/node/production-start';
import { imagesFor } from '../../src/core/platform/base-images';
import { lookupTag } from '../../src/core/platform/known-tags';
import { cmdExecutableProblem } from '../../src/core/generate/validate/executable';

const pkg = (o: object) => readManifest(JSON.stringify(o));

test('a start script running a devDependency is replaced by the repo\'s production script, with a reason', () => {
  const m = pkg({ scripts: { start: 'nest start', 'start:prod': 'node dist/main', build: 'nest build' }, dependencies: { '@nestjs/core': '1' }, devDependencies: { '@nestjs/cli': '1' } });
  const r = productionStart('nest start', m, 'nestjs', true);
  assert.equal(r?.command, 'node dist/main');
  assert.match(r!.replaced!, /nest is not a production dependency.*start:prod/);
});

test('wrappers (cross-env, dotenv --) are stripped; NODE_ENV comes from the image', () => {
  const m = pkg({ scripts: { start: 'cross-env NODE_ENV=production node ./build/server.js' }, dependencies: { 'cross-env': '7' } });
  assert.deepEqual(productionStart('cross-env NODE_ENV=production node ./build/server.js', m, 'remix', true), { command: 'node ./build/server.js' });
  const n = pkg({ scripts: { start: 'pnpm with-env next start', 'with-env': 'dotenv -e ../../.env --' }, dependencies: { next: '14' }, devDependencies: { 'dotenv-cli': '7' } });
  assert.deepEqual(productionStart('pnpm with-env next start', n, 'next', true), { command: 'next start' });
});

test('ts-node on a tsc-built project starts the compiled file; nothing plausible keeps the detected start', () => {
  const m = pkg({ scripts: { start: 'ts-node index.ts', build: 'tsc --build' }, dependencies: { 'discord.js': '14' } });
  const r = productionStart('ts-node index.ts', m, '', true, './dist');
  assert.equal(r?.command, 'node dist/index.js');
  assert.match(r!.replaced!, /ts-node is not a production dependency/);
  assert.equal(productionStart('node server.js', pkg({ scripts: {} }), '', false), null);
});

test('engines floors pick the current LTS; a major line stays; a tag never published falls back with a warning', () => {
  assert.equal(imagesFor({ family: 'debian', ecosystem: 'node', detected: { value: '>=16.11.0', source: 'package.json > engines.node' } }).runtime.ref, 'node:22-bookworm-slim');
  assert.equal(imagesFor({ family: 'debian', ecosystem: 'node', detected: { value: '20', source: 'package.json > engines.node' } }).runtime.ref, 'node:20-bookworm-slim');
  const node16 = imagesFor({ family: 'debian', ecosystem: 'node', detected: { value: '16.20.2', source: '.nvmrc' } });
  assert.equal(node16.runtime.ref, 'node:16-bullseye-slim');
  assert.ok(node16.warnings.some((w) => /not published for bookworm/.test(w)) && node16.warnings.some((w) => /end-of-life/.test(w)), node16.warnings.join('\n'));
  const go = imagesFor({ family: 'debian', ecosystem: 'go', detected: { value: '1.13', source: 'go.mod:3' } });
  assert.equal(go.build.ref, 'golang:1.13-buster');
  const dotnet = imagesFor({ family: 'debian', ecosystem: 'dotnet', detected: { value: 'net10.0', source: 'x.csproj' } });
  assert.equal(dotnet.runtime.ref, 'mcr.microsoft.com/dotnet/aspnet:10.0-trixie-slim');
  assert.equal(imagesFor({ family: 'debian', ecosystem: 'rust', detected: { value: '1.88.0', source: 'Cargo.toml > package.rust-version' } }).build.ref, 'rust:1.88-slim-bookworm');
  assert.equal(imagesFor({ family: 'debian', ecosystem: 'rust', detected: { value: '1.60', source: 'Cargo.toml > package.rust-version' } }).build.ref, 'rust:1.83-slim-bookworm');
});

test('the known-tags table: published, unpublished and end-of-life', () => {
  assert.deepEqual(lookupTag('node:22-bookworm-slim'), { known: true, eol: false });
  assert.equal(lookupTag('node:12-bookworm-slim').known, false);
  assert.equal(lookupTag('golang:1.15-bookworm').known, false);
  assert.equal(lookupTag('php:7.0-apache-bookworm').known, false);
  assert.deepEqual(lookupTag('python:3.8-slim-bookworm'), { known: true, eol: true });
  assert.equal(lookupTag('eclipse-temurin:19-jre').known, false);
});

test('the CMD executable check reads the final stage: devDependency bins, package managers, doubled .dll', () => {
  const files: Record<string, string> = { 'package.json': JSON.stringify({ scripts: { start: 'ts-node index.ts' }, devDependencies: { 'ts-node': '10' } }) };
  const read = (f: string) => files[f];
  const df = (cmd: string) => `FROM node:22-bookworm-slim AS build\nRUN npm ci\nFROM node:22-bookworm-slim\nCOPY --from=build /app ./\nUSER 10001\nCMD ${cmd}\n`;
  assert.match(cmdExecutableProblem({ dockerfile: df('["npm", "start"]'), readText: read, appDir: '' })!, /ts-node.*devDependency/);
  assert.match(cmdExecutableProblem({ dockerfile: df('["yarn", "start"]'), readText: read, appDir: '' })!, /yarn is not on the final stage's PATH/);
  assert.equal(cmdExecutableProblem({ dockerfile: df('["node", "dist/index.js"]'), readText: read, appDir: '' }), null);
  assert.match(cmdExecutableProblem({ dockerfile: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim\nCMD ["dotnet", "/app/Web.dll.dll"]\n', readText: read, appDir: '' })!, /doubled/);
});

test('install closure: workspace manifest and plain members, yarnPath release and plugins, the Prisma schema, pnpm by lockfile format, root scripts that need sources or .git', async () => {
  const { nodeInstallClosure } = await import('../../src/core/ecosystems/node/install-closure');
  const files: Record<string, string> = {
    'pnpm-workspace.yaml': 'packages:\n  - proxy\n  - "packages/*"\n', 'proxy/package.json': '{}', 'prisma/schema.prisma': 'x',
    'pnpm-lock.yaml': "lockfileVersion: '6.0'\n", '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-3.4.1.cjs\nplugins:\n  - path: .yarn/plugins/x.cjs\n',
  };
  const manifest = readManifest(JSON.stringify({ scripts: { prepare: 'nuxt prepare', postinstall: 'npx simple-git-hooks' }, dependencies: { '@prisma/client': '5' } }));
  const c = nodeInstallClosure({ read: (f) => files[f], exists: (f) => f in files, pm: 'pnpm', manifest, packageJson: {}, lockName: 'pnpm-lock.yaml' });
  assert.deepEqual(c.files, ['pnpm-workspace.yaml', 'proxy/package.json', '.yarn/releases/yarn-3.4.1.cjs', '.yarn/plugins/x.cjs', 'prisma/schema.prisma']);
  assert.deepEqual(c.afterSources, ['prepare'], 'the git-hook installer is skipped, nuxt prepare runs after COPY . .');
  assert.equal(c.ignoreRootScripts, true);
  assert.equal(c.pnpmVersion, '8.15.9', 'lockfileVersion 6.0 needs pnpm 8');
  const pinned = nodeInstallClosure({ read: (f) => files[f], exists: (f) => f in files, pm: 'pnpm', manifest, packageJson: { packageManager: 'pnpm@9.1.0' }, lockName: 'pnpm-lock.yaml' });
  assert.equal(pinned.pnpmVersion, undefined, 'packageManager pins it; corepack follows it');
});
