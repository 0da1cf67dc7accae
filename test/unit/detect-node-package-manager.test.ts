// Node package manager precedence, the lockfile fact, and lockfile lookup for workspace members.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';
import { matchesWorkspace } from '../../src/core/ecosystems/node/detect/workspaces';

const server = 'require("http").createServer(() => {}).listen(3000);\n';
const pj = (o: object) => JSON.stringify(o);
const BINARY = new Uint8Array([0x23, 0, 1, 2]);

function detectTree(tree: Record<string, string | Uint8Array>) {
  return detect(new MemoryRepo(tree));
}

function only(tree: Record<string, string | Uint8Array>) {
  const result = detectTree(tree);
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return { app: result.apps[0], warnings: result.warnings };
}

const app = (extra: object = {}) => ({ 'package.json': pj({ name: 'x', scripts: { start: 'node server.js', build: 'tsc' }, ...extra }), 'server.js': server });

test('each lockfile names its manager, and the build command is spelled the way that manager runs scripts', () => {
  const cases: [string, string, string][] = [
    ['package-lock.json', 'npm', 'npm run build'],
    ['npm-shrinkwrap.json', 'npm', 'npm run build'],
    ['yarn.lock', 'yarn', 'yarn build'],
    ['pnpm-lock.yaml', 'pnpm', 'pnpm run build'],
    ['bun.lockb', 'bun', 'bun run build'],
    ['bun.lock', 'bun', 'bun run build'],
  ];
  for (const [lockfile, manager, build] of cases) {
    const { app: a, warnings } = only({ ...app(), [lockfile]: lockfile === 'bun.lockb' ? BINARY : '{}' });
    assert.deepEqual(a.packageManager, { value: manager, source: lockfile }, lockfile);
    assert.deepEqual(a.lockfile, { value: lockfile, source: lockfile }, lockfile);
    assert.deepEqual(a.build, { value: build, source: 'package.json > scripts.build' }, lockfile);
    assert.deepEqual(warnings, []);
  }
});

test('no lockfile and nothing declared: npm by default, no lockfile fact', () => {
  const { app: a } = only(app());
  assert.deepEqual(a.packageManager, { value: 'npm', source: 'default (no lockfile)' });
  assert.equal(a.lockfile, null);
});

test('the packageManager field beats a lockfile of another manager, which is reported as unused', () => {
  const { app: a, warnings } = only({ ...app({ packageManager: 'yarn@4.1.1' }), 'package-lock.json': '{}', 'yarn.lock': '' });
  assert.deepEqual(a.packageManager, { value: 'yarn', source: 'package.json > packageManager' });
  assert.deepEqual(a.lockfile, { value: 'yarn.lock', source: 'yarn.lock' });
  assert.deepEqual(warnings, [{ file: 'package-lock.json', message: 'package-lock.json belongs to npm, but package.json > packageManager says yarn; it is not used' }]);
});

test('packageManager with a corepack hash, and one without a version', () => {
  assert.equal(only(app({ packageManager: 'pnpm@9.1.0+sha512.abcdef' })).app.packageManager?.value, 'pnpm');
  assert.equal(only(app({ packageManager: 'bun' })).app.packageManager?.value, 'bun');
});

test('an unknown packageManager is ignored with a warning and the lockfile decides', () => {
  const { app: a, warnings } = only({ ...app({ packageManager: 'deno@2.0.0' }), 'yarn.lock': '' });
  assert.deepEqual(a.packageManager, { value: 'yarn', source: 'yarn.lock' });
  assert.deepEqual(warnings, [{ file: 'package.json', message: 'packageManager "deno@2.0.0" is not npm, yarn, pnpm or bun; ignored' }]);
});

test('a lockfile beats engines; engines.pnpm/yarn/bun decide when there is no lockfile', () => {
  assert.deepEqual(only({ ...app({ engines: { pnpm: '>=9' } }), 'package-lock.json': '{}' }).app.packageManager, { value: 'npm', source: 'package-lock.json' });
  assert.deepEqual(only(app({ engines: { node: '20', pnpm: '>=9' } })).app.packageManager, { value: 'pnpm', source: 'package.json > engines.pnpm' });
  assert.deepEqual(only(app({ engines: { yarn: '1.x' } })).app.packageManager, { value: 'yarn', source: 'package.json > engines.yarn' });
  assert.deepEqual(only(app({ engines: { npm: '>=10' } })).app.packageManager, { value: 'npm', source: 'package.json > engines.npm' });
});

test('a script that runs bun makes a lockfile-less project a Bun project', () => {
  const { app: a } = only({ 'package.json': pj({ scripts: { dev: 'bun --watch index.ts', start: 'bun index.ts' } }), 'index.ts': 'Bun.serve({ fetch: () => new Response("") });\n' });
  assert.deepEqual(a.packageManager, { value: 'bun', source: 'package.json > scripts.start' });
  // "bundle" or "bunyan" are not bun.
  const { app: b } = only({ ...app(), 'package.json': pj({ scripts: { start: 'node server.js', bundle: 'esbuild x', log: 'bunyan' } }) });
  assert.equal(b.packageManager?.value, 'npm');
});

test('a workspace member reads the lockfile and packageManager at the workspace root (root-relative sources)', () => {
  const tree = {
    'package.json': pj({ private: true, packageManager: 'pnpm@9.1.0' }),
    'pnpm-workspace.yaml': "packages:\n  - 'apps/**'\n  - '!apps/legacy'\n",
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'apps/team/api/package.json': pj({ name: 'api', scripts: { start: 'node server.js', build: 'tsc' } }),
    'apps/team/api/server.js': server,
  };
  const { app: a, warnings } = only(tree);
  assert.equal(a.path, 'apps/team/api');
  assert.deepEqual(a.packageManager, { value: 'pnpm', source: 'package.json > packageManager' });
  assert.deepEqual(a.lockfile, { value: '../../../pnpm-lock.yaml', source: 'pnpm-lock.yaml' });
  assert.deepEqual(a.build, { value: 'pnpm run build', source: 'apps/team/api/package.json > scripts.build' });
  assert.deepEqual(warnings, []);

  const { packageManager: _pm, ...rootNoField } = JSON.parse(tree['package.json']);
  const byLockfile = only({ ...tree, 'package.json': pj(rootNoField) }).app;
  assert.deepEqual(byLockfile.packageManager, { value: 'pnpm', source: 'pnpm-lock.yaml' });
});

test('npm and yarn workspaces (array and { packages } forms) share the root lockfile', () => {
  for (const workspaces of [['packages/*'], { packages: ['packages/*'], nohoist: ['**/react'] }]) {
    const { app: a } = only({
      'package.json': pj({ private: true, workspaces }),
      'yarn.lock': '',
      'packages/web/package.json': pj({ name: 'web', scripts: { start: 'node server.js' } }),
      'packages/web/server.js': server,
    });
    assert.deepEqual(a.packageManager, { value: 'yarn', source: 'yarn.lock' });
    assert.deepEqual(a.lockfile, { value: '../../yarn.lock', source: 'yarn.lock' });
  }
});

test('a member that has its own packageManager or lockfile keeps it', () => {
  const { app: a } = only({
    'package.json': pj({ private: true, workspaces: ['apps/*'] }),
    'package-lock.json': '{}',
    'apps/edge/package.json': pj({ name: 'edge', scripts: { start: 'bun index.ts' } }),
    'apps/edge/bun.lock': '{}',
    'apps/edge/index.ts': 'Bun.serve({ fetch: () => new Response("") });\n',
  });
  assert.deepEqual(a.packageManager, { value: 'bun', source: 'apps/edge/bun.lock' });
  assert.deepEqual(a.lockfile, { value: 'bun.lock', source: 'apps/edge/bun.lock' });
});

test('a folder outside the workspace patterns does not borrow the root lockfile', () => {
  const result = detectTree({
    'package.json': pj({ private: true, workspaces: ['packages/*'] }),
    'pnpm-lock.yaml': '',
    'tools/deploy-bot/package.json': pj({ name: 'bot', scripts: { start: 'node server.js' } }),
    'tools/deploy-bot/server.js': server,
  });
  assert.equal(result.apps.length, 1);
  assert.deepEqual(result.apps[0].packageManager, { value: 'npm', source: 'default (no lockfile)' });
  assert.equal(result.apps[0].lockfile, null);
});

test('workspace globs: * is one segment, ** any depth, ! excludes', () => {
  assert.equal(matchesWorkspace(['apps/*'], 'apps/api'), true);
  assert.equal(matchesWorkspace(['apps/*'], 'apps/api/inner'), false);
  assert.equal(matchesWorkspace(['./apps/*/'], 'apps/api'), true);
  assert.equal(matchesWorkspace(['apps/**'], 'apps/team/api'), true);
  assert.equal(matchesWorkspace(['apps/**', '!apps/legacy'], 'apps/legacy'), false);
  assert.equal(matchesWorkspace(['services/api'], 'services/api'), true);
  assert.equal(matchesWorkspace(['services/api'], 'services/apis'), false);
  assert.equal(matchesWorkspace(['pkg.v1/*'], 'pkgxv1/a'), false);
});

test('hostile workspace globs do not backtrack for ages', () => {
  const started = Date.now();
  const deep = Array.from({ length: 40 }, (_, i) => `d${i}`).join('/') + '/x';
  assert.equal(matchesWorkspace(['**/'.repeat(30) + 'nomatch', '*'.repeat(50) + '/y'], deep), false);
  assert.equal(matchesWorkspace(['**/**/**/x'], deep), true);
  assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
});

test('workspace globs support {a,b} alternatives; unbalanced or absurd patterns match nothing', () => {
  assert.equal(matchesWorkspace(['packages/{api,web}'], 'packages/web'), true);
  assert.equal(matchesWorkspace(['packages/{api,web}'], 'packages/docs'), false);
  assert.equal(matchesWorkspace(['{apps,services/{a,b}}/*'], 'services/b/x'), true);
  assert.equal(matchesWorkspace(['packages/{api'], 'packages/{api'), false);
  assert.equal(matchesWorkspace(['{'.repeat(5000) + 'a' + '}'.repeat(5000)], 'a'), false);
  assert.equal(matchesWorkspace(['a'.repeat(2000)], 'a'.repeat(2000)), false);
});
