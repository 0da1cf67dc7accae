// What makes a Node folder an app (and not a library or a workspace root), how it starts, its framework,
// ports and static output, and what happens with a malformed package.json.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const pj = (o: object) => JSON.stringify(o);
const listens = 'const http = require("http");\nhttp.createServer((q, s) => s.end()).listen(8080);\n';
const library = 'module.exports = { add: (a, b) => a + b };\n';

function detectTree(tree: Record<string, string>) {
  return detect(new MemoryRepo(tree));
}

function only(tree: Record<string, string>) {
  const result = detectTree(tree);
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return result.apps[0];
}

test('a library is not an app: main that never listens, no start script, no framework', () => {
  assert.deepEqual(detectTree({ 'package.json': pj({ name: 'lib', main: 'index.js' }), 'index.js': library }).apps, []);
  assert.deepEqual(detectTree({ 'package.json': pj({ name: 'lib' }), 'index.js': library }).apps, []);
  // a CLI package with `bin` is not deployable either
  assert.deepEqual(detectTree({ 'package.json': pj({ name: 'cli', bin: { cli: 'cli.js' } }), 'cli.js': '#!/usr/bin/env node\nconsole.log(1);\n' }).apps, []);
  // Express only as a devDependency (a test server) does not make a middleware package an app
  assert.deepEqual(detectTree({ 'package.json': pj({ name: 'mw', main: 'index.js', devDependencies: { express: '^4' } }), 'index.js': library }).apps, []);
  // Vite in library mode (no index.html) is a bundler, not a SPA
  assert.deepEqual(detectTree({ 'package.json': pj({ name: 'ui', scripts: { build: 'vite build' }, devDependencies: { vite: '^5' } }), 'src/index.ts': 'export const x = 1;\n' }).apps, []);
});

test('start: start:prod > start > main > server.js/index.js/app.js', () => {
  const scripts = { start: 'nest start', 'start:prod': 'node dist/main' };
  assert.deepEqual(only({ 'package.json': pj({ scripts, main: 'server.js' }), 'server.js': listens }).start, { value: 'node dist/main', source: 'package.json > scripts.start:prod' });
  assert.deepEqual(only({ 'package.json': pj({ scripts: { start: 'node app.js' }, main: 'server.js' }), 'server.js': listens }).start, { value: 'node app.js', source: 'package.json > scripts.start' });
  assert.deepEqual(only({ 'package.json': pj({ main: './src/main.js' }), 'src/main.js': listens, 'server.js': listens }).start, { value: 'node src/main.js', source: 'package.json > main' });
  assert.deepEqual(only({ 'package.json': pj({}), 'index.js': listens }).start, { value: 'node index.js', source: 'index.js' });
  assert.deepEqual(only({ 'package.json': pj({}), 'app.js': listens, 'index.js': library }).start, { value: 'node app.js', source: 'app.js' });
  // server.js is an app by its name alone
  assert.deepEqual(only({ 'package.json': pj({}), 'server.js': 'require("./src/boot");\n' }).start, { value: 'node server.js', source: 'server.js' });
});

test('main counts when it serves: a listen() in the file, extension-less main, compiled main with its TypeScript source', () => {
  assert.equal(only({ 'package.json': pj({ main: 'src/app' }), 'src/app.js': listens }).start?.value, 'node src/app');
  assert.equal(only({ 'package.json': pj({ main: 'dist/server.js', scripts: { build: 'tsc' } }), 'src/server.ts': 'import http from "node:http";\nhttp.createServer().listen(80);\n' }).start?.value, 'node dist/server.js');
  assert.equal(only({ 'package.json': pj({ main: 'dist/index.js', dependencies: { fastify: '^4' } }) }).start?.value, 'node dist/index.js');
  assert.equal(only({ 'package.json': pj({ main: 'index.js' }), 'index.js': 'Bun.serve({ fetch() { return new Response("ok"); } });\n' }).start?.value, 'node index.js');
});

test('a workspace root is not an app unless it has its own start script', () => {
  const members = { 'apps/api/package.json': pj({ name: 'api', scripts: { start: 'node server.js' } }), 'apps/api/server.js': listens };
  const npmRoot = detectTree({ 'package.json': pj({ name: 'mono', workspaces: ['apps/*'], main: 'server.js' }), 'server.js': listens, ...members });
  assert.deepEqual(npmRoot.apps.map((a) => a.path), ['apps/api']);
  const pnpmRoot = detectTree({ 'package.json': pj({ name: 'mono' }), 'pnpm-workspace.yaml': 'packages: [apps/*]\n', ...members });
  assert.deepEqual(pnpmRoot.apps.map((a) => a.path), ['apps/api']);
  const withStart = detectTree({ 'package.json': pj({ name: 'mono', workspaces: ['apps/*'], scripts: { start: 'node gateway.js' } }), ...members });
  assert.deepEqual(withStart.apps.map((a) => a.path), ['.', 'apps/api']);
});

test('framework facts name the declaring table; meta-frameworks win over the server they embed', () => {
  assert.deepEqual(only({ 'package.json': pj({ scripts: { start: 'remix-serve build/index.js' }, dependencies: { express: '^4', '@remix-run/express': '^2', '@remix-run/node': '^2' } }) }).framework,
    { value: 'remix', source: 'package.json > dependencies.@remix-run/node' });
  assert.deepEqual(only({ 'package.json': pj({ scripts: { start: 'node dist/main' }, dependencies: { '@nestjs/core': '^10', '@nestjs/platform-fastify': '^10', fastify: '^4' } }) }).framework,
    { value: 'nestjs', source: 'package.json > dependencies.@nestjs/core' });
  assert.deepEqual(only({ 'package.json': pj({ scripts: { start: 'node server.js' }, optionalDependencies: { koa: '^2' } }) }).framework,
    { value: 'koa', source: 'package.json > optionalDependencies.koa' });
});

test('ports from the start script beat everything; framework defaults come last', () => {
  const next = (start: string) => only({ 'package.json': pj({ scripts: { build: 'next build', start }, dependencies: { next: '14' } }) }).port;
  assert.deepEqual(next('next start -p 4000'), { value: 4000, source: 'package.json > scripts.start' });
  assert.deepEqual(next('next start --port=4100'), { value: 4100, source: 'package.json > scripts.start' });
  assert.deepEqual(next('next start --port 4200'), { value: 4200, source: 'package.json > scripts.start' });
  assert.deepEqual(next('HOSTNAME=0.0.0.0 PORT=4300 next start'), { value: 4300, source: 'package.json > scripts.start' });
  assert.deepEqual(next('next start'), { value: 3000, source: 'default (next listens on 3000)' });
  // an explicit start-script port beats the port found in code
  const app = only({ 'package.json': pj({ scripts: { start: 'PORT=9999 node server.js' } }), 'server.js': 'require("http").createServer().listen(process.env.PORT || 8080);\n' });
  assert.deepEqual(app.port, { value: 9999, source: 'package.json > scripts.start' });
});

test('frameworks without a start script get their own server command', () => {
  const nuxt = only({ 'package.json': pj({ scripts: { build: 'nuxt build' }, dependencies: { nuxt: '^3' } }) });
  assert.deepEqual(nuxt.start, { value: 'node .output/server/index.mjs', source: 'default (nuxt build writes .output/server/index.mjs)' });
  const next = only({ 'package.json': pj({ scripts: { build: 'next build' }, dependencies: { next: '^14' } }) });
  assert.deepEqual(next.start, { value: 'npx next start', source: 'default (next serves its build with next start)' });
  const astro = only({ 'package.json': pj({ scripts: { build: 'astro build' }, dependencies: { astro: '^4', '@astrojs/node': '^8' } }) });
  assert.deepEqual([astro.start?.value, astro.port?.value], ['node ./dist/server/entry.mjs', 4321]);
});

test('static front-ends: no start, an output folder, no port (the SPA convention)', () => {
  const vite = only({
    'package.json': pj({ scripts: { build: 'vite build', start: 'vite' }, devDependencies: { vite: '^5' } }),
    'index.html': '<div id="app"></div>',
    'vite.config.ts': "export default {\n  build: { outDir: './public/app/' },\n};\n",
  });
  assert.deepEqual([vite.framework?.value, vite.start, vite.port], ['vite', null, null]);
  assert.deepEqual(vite.outputDir, { value: 'public/app', source: 'vite.config.ts:2' });
  const cra = only({ 'package.json': pj({ scripts: { start: 'react-scripts start', build: 'react-scripts build' }, dependencies: { 'react-scripts': '5' } }) });
  assert.deepEqual([cra.start, cra.outputDir?.value], [null, 'build']);
  const astro = only({ 'package.json': pj({ scripts: { build: 'astro build' }, dependencies: { astro: '^4' } }) });
  assert.deepEqual([astro.start, astro.port, astro.outputDir?.value], [null, null, 'dist']);
  const kit = only({ 'package.json': pj({ scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-static': '^3' } }) });
  assert.deepEqual([kit.start, kit.outputDir?.value], [null, 'build']);
  const exported = only({ 'package.json': pj({ scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '14' } }), 'next.config.mjs': "export default {\n  output: 'export',\n};\n" });
  assert.deepEqual([exported.start, exported.port, exported.outputDir], [null, null, { value: 'out', source: 'next.config.mjs:2' }]);
});

test('SvelteKit without a Node adapter is reported with a warning and no start command', () => {
  const result = detectTree({ 'package.json': pj({ scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-auto': '^3' } }) });
  assert.equal(result.apps[0].start, null);
  assert.equal(result.apps[0].port, null);
  assert.match(result.warnings[0].message, /adapter-node/);
});

test('production dependencies are dependencies then optionalDependencies, never devDependencies', () => {
  const app = only({ 'package.json': pj({ scripts: { start: 'node s.js' }, dependencies: { pg: '8' }, optionalDependencies: { ioredis: '5' }, devDependencies: { mysql2: '3' } }) });
  assert.deepEqual(app.services, [
    { value: 'postgres', source: 'package.json > dependencies.pg' },
    { value: 'redis', source: 'package.json > optionalDependencies.ioredis' },
  ]);
});

test('a malformed package.json is a warning, never a crash; the folder is profiled from what is left', () => {
  const broken = '{ "name": "x", "scripts": { "start": "node server.js", } ';
  const withServer = detectTree({ 'package.json': broken, 'server.js': listens, '.nvmrc': '20\n', 'package-lock.json': '{}' });
  assert.equal(withServer.apps.length, 1);
  assert.deepEqual(withServer.apps[0].start, { value: 'node server.js', source: 'server.js' });
  assert.deepEqual(withServer.apps[0].runtimeVersion, { value: '20', source: '.nvmrc' });
  assert.equal(withServer.apps[0].name, 'app');
  assert.equal(withServer.warnings.length, 1);
  assert.equal(withServer.warnings[0].file, 'package.json');
  assert.match(withServer.warnings[0].message, /^invalid JSON: /);

  const nothingElse = detectTree({ 'package.json': broken, 'index.js': library });
  assert.deepEqual(nothingElse.apps, []);
  assert.equal(nothingElse.warnings[0].file, 'package.json');

  for (const odd of ['[]', '"text"', '42', 'null']) {
    const r = detectTree({ 'package.json': odd, 'sub/package.json': pj({ scripts: { start: 'node s.js' }, dependencies: 'nope', engines: ['x'], workspaces: 7 }) });
    assert.deepEqual(r.apps.map((a) => [a.path, a.name, a.start?.value]), [['sub', 'sub', 'node s.js']], odd);
    assert.deepEqual(r.warnings, [{ file: 'package.json', message: 'package.json is not a JSON object; ignored' }], odd);
  }
});

test('hostile keys in package.json are plain data', () => {
  const text = '{"name":"h","scripts":{"__proto__":"x","constructor":"y"},"dependencies":{"constructor":"1","__proto__":"2","toString":"3"},"engines":{"hasOwnProperty":"1"}}';
  const result = detectTree({ 'package.json': text, 'index.js': library });
  assert.deepEqual(result.apps, []);
  const app = only({ 'package.json': text.replace('"constructor":"y"', '"start":"node s.js"') });
  assert.equal(app.framework, null);
  assert.deepEqual(app.packageManager, { value: 'npm', source: 'default (no lockfile)' });
});

test('a broken pnpm-workspace.yaml is reported once, at the workspace root', () => {
  const result = detectTree({
    'package.json': pj({ name: 'mono' }),
    'pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - [unclosed\n',
    'apps/api/package.json': pj({ name: 'api', scripts: { start: 'node server.js' } }),
    'apps/api/server.js': listens,
  });
  assert.deepEqual(result.apps.map((a) => a.path), ['apps/api']);
  assert.equal(result.warnings.length, 1);
  assert.equal(result.warnings[0].file, 'pnpm-workspace.yaml');
  assert.match(result.warnings[0].message, /^invalid YAML: /);
});

test('Angular: output folder by builder, SSR apps start with serve:ssr, Vue CLI builds into dist', () => {
  const angular = (build: object, extra: object = {}) => only({
    'package.json': pj({ scripts: { start: 'ng serve', build: 'ng build', ...extra }, dependencies: { '@angular/core': '^18', ...(Object.keys(extra).length ? { '@angular/ssr': '^18' } : {}) } }),
    'angular.json': pj({ projects: { shop: { architect: { build } } } }),
  });
  assert.deepEqual(angular({ builder: '@angular-devkit/build-angular:browser', options: { outputPath: './dist/shop/' } }).outputDir,
    { value: 'dist/shop', source: 'angular.json > projects.shop.architect.build.options.outputPath' });
  assert.deepEqual(angular({ builder: '@angular/build:application', options: { outputPath: { base: 'public', browser: '' } } }).outputDir,
    { value: 'public', source: 'angular.json > projects.shop.architect.build.options.outputPath.base' });
  assert.deepEqual(angular({ builder: '@angular/build:application' }).outputDir,
    { value: 'dist/shop/browser', source: 'default (angular builds into dist/<project>)' });
  const ssr = angular({ builder: '@angular/build:application', options: { outputPath: 'dist/shop' } }, { 'serve:ssr:shop': 'node dist/shop/server/server.mjs' });
  assert.deepEqual([ssr.outputDir, ssr.start], [undefined, { value: 'node dist/shop/server/server.mjs', source: 'package.json > scripts.serve:ssr:shop' }]);
  const vue = only({ 'package.json': pj({ scripts: { serve: 'vue-cli-service serve', build: 'vue-cli-service build' }, devDependencies: { '@vue/cli-service': '~5.0.0' } }) });
  assert.deepEqual([vue.framework?.value, vue.start, vue.outputDir?.value], ['vue-cli', null, 'dist']);
});

test('Gatsby builds into public; Hono defaults to 3000 while Elysia has no default', () => {
  const gatsby = only({ 'package.json': pj({ scripts: { build: 'gatsby build', start: 'gatsby develop' }, dependencies: { gatsby: '^5' } }) });
  assert.deepEqual([gatsby.framework?.value, gatsby.start, gatsby.outputDir], ['gatsby', null, { value: 'public', source: 'default (gatsby builds into public)' }]);
  const hono = only({ 'package.json': pj({ scripts: { start: 'bun run src/index.ts' }, dependencies: { hono: '^4' } }), 'src/index.ts': 'export default app;\n' });
  assert.deepEqual(hono.port, { value: 3000, source: 'default (hono listens on 3000)' });
  const elysia = only({ 'package.json': pj({ scripts: { start: 'bun run src/index.ts' }, dependencies: { elysia: '^1' } }), 'src/index.ts': 'new Elysia().listen(Number(Bun.env.APP_PORT));\n' });
  assert.deepEqual([elysia.framework?.value, elysia.port], ['elysia', null]);
});
