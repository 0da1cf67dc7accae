// Node/Bun runtime version: the normalisation rule and the precedence of the files that declare it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { normalizeVersion } from '../../src/core/ecosystems/node/detect/version';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const server = 'require("http").createServer(() => {}).listen(3000);\n';
const pj = (o: object) => JSON.stringify(o);

function only(tree: Record<string, string | Uint8Array>) {
  const result = detect(new MemoryRepo(tree));
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return { app: result.apps[0], warnings: result.warnings };
}

test('normalizeVersion keeps the declared version minus its operators', () => {
  const cases: [string, string | undefined][] = [
    ['20', '20'], ['v20.11.1', '20.11.1'], ['V18', '18'], [' 20.11.1\n', '20.11.1'],
    ['^18.17.0', '18.17.0'], ['~20.11', '20.11'], ['>=18', '18'], ['>= 18.0.0', '18.0.0'], ['>18', '18'],
    ['=20.1.0', '20.1.0'], ['>=18 <21', '18'], ['<21 >=18.2', '18.2'], ['18.x', '18'], ['18.*', '18'],
    ['20.2.x', '20.2'], ['^18 || ^20', '18'], ['^22 || ^20.9', '20.9'], ['18.0.0 - 20', '18.0.0'],
    ['20.0.0-rc.1', '20.0.0'], ['020', '20'],
    ['lts/iron', '20'], ['lts/hydrogen', '18'], ['lts/jod', '22'], ['lts/gallium', '16'], ['LTS/Iron', '20'], ['lts/*', '24'],
    ['node', undefined], ['latest', undefined], ['stable', undefined], ['*', undefined], ['x', undefined],
    ['<20', undefined], ['', undefined], ['lts/unknown', undefined], ['garbage', undefined],
  ];
  for (const [declared, expected] of cases) assert.equal(normalizeVersion(declared), expected, `normalizeVersion(${JSON.stringify(declared)})`);
});

test('.nvmrc beats .node-version, .tool-versions, volta and engines', () => {
  const tree = {
    'package.json': pj({ name: 'a', scripts: { start: 'node server.js' }, engines: { node: '>=16' }, volta: { node: '18.19.0' } }),
    '.nvmrc': '# pinned for the team\n\nv20.11.1\n',
    '.node-version': '22.1.0\n',
    '.tool-versions': 'nodejs 21.0.0\n',
    'server.js': server,
  };
  assert.deepEqual(only(tree).app.runtimeVersion, { value: '20.11.1', source: '.nvmrc' });
  const { '.nvmrc': _n, ...noNvmrc } = tree;
  assert.deepEqual(only(noNvmrc).app.runtimeVersion, { value: '22.1.0', source: '.node-version' });
  const { '.node-version': _v, ...noNodeVersion } = noNvmrc;
  assert.deepEqual(only(noNodeVersion).app.runtimeVersion, { value: '21.0.0', source: '.tool-versions:1' });
  const { '.tool-versions': _t, ...noToolVersions } = noNodeVersion;
  assert.deepEqual(only(noToolVersions).app.runtimeVersion, { value: '18.19.0', source: 'package.json > volta.node' });
  const engineOnly = { ...noToolVersions, 'package.json': pj({ name: 'a', scripts: { start: 'node server.js' }, engines: { node: '>=16' } }) };
  assert.deepEqual(only(engineOnly).app.runtimeVersion, { value: '16', source: 'package.json > engines.node' });
  const none = { ...noToolVersions, 'package.json': pj({ name: 'a', scripts: { start: 'node server.js' } }) };
  assert.equal(only(none).app.runtimeVersion, null);
});

test('.tool-versions accepts `node` and `nodejs` lines and takes the first of several versions', () => {
  const { app } = only({
    'package.json': pj({ scripts: { start: 'node server.js' } }),
    '.tool-versions': 'python 3.12.1\n# comment\nnode 20.10.0 18.19.0\n',
    'server.js': server,
  });
  assert.deepEqual(app.runtimeVersion, { value: '20.10.0', source: '.tool-versions:3' });
});

test('an .nvmrc that names no version is skipped with a warning, and the next source is used', () => {
  const { app, warnings } = only({
    'package.json': pj({ scripts: { start: 'node server.js' }, engines: { node: '^20.9.0' } }),
    '.nvmrc': 'node\n',
    'server.js': server,
  });
  assert.deepEqual(app.runtimeVersion, { value: '20.9.0', source: 'package.json > engines.node' });
  assert.deepEqual(warnings, [{ file: '.nvmrc', message: 'no Node version can be read from "node"; ignored' }]);
});

test('a workspace member without version files uses the workspace root, with root-relative sources', () => {
  const tree = {
    'package.json': pj({ private: true, workspaces: ['services/*'] }),
    '.nvmrc': 'lts/jod\n',
    'services/api/package.json': pj({ name: 'api', scripts: { start: 'node server.js' } }),
    'services/api/server.js': server,
  };
  assert.deepEqual(only(tree).app.runtimeVersion, { value: '22', source: '.nvmrc' });
  const own = { ...tree, 'services/api/.nvmrc': '20.12.0\n' };
  assert.deepEqual(only(own).app.runtimeVersion, { value: '20.12.0', source: 'services/api/.nvmrc' });
  // Kind before folder: the root .nvmrc (what developers run) beats the member's engines range.
  const range = { ...tree, 'services/api/package.json': pj({ name: 'api', scripts: { start: 'node server.js' }, engines: { node: '>=18' } }) };
  assert.deepEqual(only(range).app.runtimeVersion, { value: '22', source: '.nvmrc' });
  const { '.nvmrc': _root, ...noRootFile } = range;
  assert.deepEqual(only(noRootFile).app.runtimeVersion, { value: '18', source: 'services/api/package.json > engines.node' });
});

test('Bun apps report the Bun version: .bun-version > .tool-versions bun > packageManager bun@x > engines.bun', () => {
  const base = {
    'package.json': pj({ name: 'b', packageManager: 'bun@1.1.8', engines: { bun: '>=1.0.0' }, scripts: { start: 'bun run index.ts' } }),
    '.nvmrc': '20\n',
    'index.ts': 'Bun.serve({ port: 3000, fetch: () => new Response("hi") });\n',
  };
  assert.deepEqual(only({ ...base, '.bun-version': '1.1.20\n', '.tool-versions': 'bun 1.0.30\n' }).app.runtimeVersion, { value: '1.1.20', source: '.bun-version' });
  assert.deepEqual(only({ ...base, '.tool-versions': 'nodejs 20.1.0\nbun 1.0.30\n' }).app.runtimeVersion, { value: '1.0.30', source: '.tool-versions:2' });
  assert.deepEqual(only(base).app.runtimeVersion, { value: '1.1.8', source: 'package.json > packageManager' });
  const enginesOnly = { ...base, 'package.json': pj({ engines: { bun: '>=1.0.0' }, scripts: { start: 'bun run index.ts' } }) };
  assert.deepEqual(only(enginesOnly).app.runtimeVersion, { value: '1.0.0', source: 'package.json > engines.bun' });
  // A Node version file says nothing about the Bun runtime.
  const bareBun = { ...base, 'package.json': pj({ scripts: { start: 'bun run index.ts' } }), 'bun.lockb': new Uint8Array([0, 1, 2]) };
  assert.equal(only(bareBun).app.runtimeVersion, null);
});

test('declared text quoted in a warning has control and bidi characters neutralised', () => {
  const { warnings } = only({
    'package.json': pj({ scripts: { start: 'node server.js' } }),
    '.nvmrc': 'lts/banana\u0007\u001b[2J\u202etxt.exe\n',
    'server.js': server,
  });
  assert.deepEqual(warnings, [{ file: '.nvmrc', message: 'no Node version can be read from "lts/banana??[2J?txt.exe"; ignored' }]);
});
