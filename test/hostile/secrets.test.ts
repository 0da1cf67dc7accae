// Class 3: secrets never reach a build context, a container's environment from outside the workspace, a
// generated file or --json output. The build context is read back from the tar stream exactly as the
// engine would receive it (no engine needed for that); generate runs through the CLI harness.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as tar from 'tar-stream';
import * as zlib from 'node:zlib';
import { createContext } from '../../src/docker/context';
import { prepareUp } from '../../src/docker/prepare';
import { hostile, makeWorkspace, nodeApp, type Node } from './harness';

const VALUE = 'S3CRET-VALUE-do-not-ship-91c2';

async function contextOf(dir: string): Promise<{ names: string[]; bytes: string; leftOut: string[]; warnings: string[] }> {
  const ctx = await createContext({ dir });
  const extract = tar.extract();
  const names: string[] = [];
  let bytes = '';
  extract.on('entry', (h, stream, next) => {
    names.push(h.name);
    stream.on('data', (c: unknown) => { bytes += (c as Buffer).toString('latin1'); });
    stream.on('end', next);
  });
  const done = new Promise<void>((resolve, reject) => extract.on('finish', resolve).on('error', reject));
  (ctx.gzip ? ctx.stream.pipe(zlib.createGunzip()) : ctx.stream).pipe(extract);
  await done;
  await ctx.finished;
  return { names, bytes, leftOut: ctx.secretsLeftOut, warnings: ctx.ignoreWarnings };
}

const SECRET_FILES = [
  '.env', '.ENV', '.Env.Local', '.env.production', '.env-production', '.env_local', '.envrc', 'prod.env', 'config/STAGING.ENV',
  'server.pem', 'server.PEM', 'tls.key', 'tls.KEY', 'cert.p12', 'CERT.P12', 'client.pfx', 'keys/deploy.Pfx',
  'id_rsa', 'ID_RSA', 'id_ecdsa', 'id_ed25519', 'id_dsa', 'deploy/id_rsa.pub', '.ssh/config', '.aws/credentials', '.AWS/config',
  '.kube/config', 'kubeconfig', 'prod.kubeconfig', '.netrc', '.git-credentials', '.git/config', 'sub/.git',
];
const DOCKERIGNORES: [string, string][] = [
  ['no .dockerignore', ''],
  ['negations re-including everything', '*\n!*\n!**/*\n!.env*\n!**/.env*\n!*.pem\n!*.key\n!id_*\n!.aws\n!.aws/**\n!.ssh/**\n!.kube/**\n!.git\n'],
  ['Parity-style .dockerignore with `!.env.example` and a catch-all negation', '.env\n.env.*\n!.env.example\n!**\n'],
];
for (const [label, ignore] of DOCKERIGNORES) {
  for (const rel of SECRET_FILES) {
    test(`class 3: ${rel} never enters the build context (${label}) and is named as held back`, async () => {
      const files: Record<string, Node> = { ...nodeApp(), [rel]: `${VALUE}\n` };
      if (ignore) files['.dockerignore'] = ignore;
      const w = makeWorkspace({ files });
      try {
        const ctx = await contextOf(w.ws);
        assert.ok(!ctx.bytes.includes(VALUE), `${rel} content was sent`);
        assert.ok(!ctx.names.some((n) => n.toLowerCase() === rel.toLowerCase()), `${rel} was sent`);
        assert.ok(ctx.leftOut.some((l) => rel.startsWith(l.replace(/\/$/, ''))), `held back list ${ctx.leftOut.join(', ')} does not name ${rel}`);
        assert.ok(ctx.names.includes('server.js'));
      } finally {
        fs.rmSync(w.parent, { recursive: true, force: true });
      }
    });
  }
}

for (const [name, text, secret] of [
  ['.npmrc', `//registry.npmjs.org/:_authToken=${VALUE}\n`, true],
  ['.npmrc', 'registry=https://registry.npmjs.org/\nsave-exact=true\n', false],
  ['.pypirc', `[pypi]\nusername = __token__\npassword = ${VALUE}\n`, true],
  ['.yarnrc.yml', `npmAuthToken: ${VALUE}\n`, true],
] as const) {
  test(`class 3: ${name} ${secret ? 'with a token is held back' : 'without a token is sent (the build needs it)'}`, async () => {
    const w = makeWorkspace({ files: { ...nodeApp(), [name]: text, '.dockerignore': `!${name}\n` } });
    try {
      const ctx = await contextOf(w.ws);
      assert.equal(ctx.names.includes(name), !secret);
      assert.ok(!ctx.bytes.includes(VALUE));
      if (secret) assert.ok(ctx.leftOut.includes(name));
    } finally {
      fs.rmSync(w.parent, { recursive: true, force: true });
    }
  });
}

test('class 7: `(` and `[` in a .dockerignore are a warning, not a crash; `foo(1).txt` is matched literally', async () => {
  const w = makeWorkspace({ files: { ...nodeApp(), 'foo(1).txt': 'x', 'keep[1].txt': 'y', '.dockerignore': 'foo(1).txt\n[unclosed\n(\n' } });
  try {
    const ctx = await contextOf(w.ws);
    assert.ok(!ctx.names.includes('foo(1).txt'));
    assert.ok(ctx.names.includes('keep[1].txt'));
    assert.ok(ctx.warnings.some((m) => m.includes('[unclosed')));
  } finally {
    fs.rmSync(w.parent, { recursive: true, force: true });
  }
});

test('class 7: a file that grows while the context streams keeps its listed size (tar stays valid)', async () => {
  const w = makeWorkspace({ files: { ...nodeApp(), 'grow.bin': Buffer.alloc(300 * 1024, 1) } });
  try {
    const ctx = await createContext({ dir: w.ws, gzip: false });
    fs.appendFileSync(path.join(w.ws, 'grow.bin'), Buffer.alloc(200 * 1024, 2));
    fs.truncateSync(path.join(w.ws, 'server.js'), 3);
    const extract = tar.extract();
    const sizes: Record<string, number> = {};
    extract.on('entry', (h, s, next) => { let n = 0; s.on('data', (c: unknown) => { n += (c as Buffer).length; }); s.on('end', () => { sizes[h.name] = n; next(); }); });
    const done = new Promise<void>((resolve, reject) => extract.on('finish', resolve).on('error', reject));
    ctx.stream.pipe(extract);
    await done;
    await ctx.finished;
    assert.equal(sizes['grow.bin'], 300 * 1024);
    assert.ok(sizes['server.js'] > 3);
  } finally {
    fs.rmSync(w.parent, { recursive: true, force: true });
  }
});

test('class 6: a build-context walk 1,000 folders deep is linear and fast', async () => {
  const w = makeWorkspace({ files: nodeApp() });
  try {
    let rel = '';
    for (let i = 0; i < 1000; i++) rel += (i ? '/' : '') + 'd';
    fs.mkdirSync(path.join(w.ws, rel), { recursive: true });
    fs.writeFileSync(path.join(w.ws, rel, 'leaf.txt'), 'x');
    const started = Date.now();
    const ctx = await contextOf(w.ws);
    assert.ok(ctx.names.some((n) => n.endsWith('leaf.txt')));
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms (the cubic walk took 22 s alone)`);
  } finally {
    fs.rmSync(w.parent, { recursive: true, force: true });
  }
});

// ---- .env read into containers ----
const APP_WITH_DB = nodeApp({ dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, {
  'server.js': "const { Pool } = require('pg');\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });\nrequire('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT || 3000);\n",
});

test('class 3: a .env that is a symlink to a file outside the workspace is not read into the container', () => {
  const w = makeWorkspace({ files: { ...nodeApp(), '.env': { symlink: '@home/.aws/credentials' } }, homeFiles: { '.aws/credentials': `AWS_SECRET_ACCESS_KEY=${VALUE}\n` } });
  try {
    const p = prepareUp({ root: w.ws, display: '.', withServices: true });
    assert.ok(!JSON.stringify(p.env).includes(VALUE));
    assert.ok(p.notes.some((n) => /\.env ignored: it is a link to/.test(n)));
  } finally {
    fs.rmSync(w.parent, { recursive: true, force: true });
  }
});

for (const password of ['@start', '*alias', '&anchor', '!tag', '%percent', '01234', '12345678901234567890', 'multi\\nline\\n  other: {image: evil}', '{a: 1}', '[1, 2]', 'a: b', '|', '>-']) {
  test(`class 4: a .env value ${JSON.stringify(password)} reaches the app as that exact string (never re-parsed as YAML)`, () => {
    const w = makeWorkspace({ files: { ...APP_WITH_DB, '.env': `POSTGRES_PASSWORD=${password}\nPLAIN=${password}\n` } });
    try {
      const p = prepareUp({ root: w.ws, display: '.', withServices: true });
      const expected = password.replace(/\\n/g, '\\n');
      assert.equal(p.env.PLAIN, expected);
      assert.ok(p.services.every((s) => s.name === 'postgres'), `services: ${p.services.map((s) => s.name).join(', ')}`);
      const pg = p.services.find((s) => s.name === 'postgres');
      if (pg) assert.equal(pg.env.POSTGRES_PASSWORD, expected);
    } finally {
      fs.rmSync(w.parent, { recursive: true, force: true });
    }
  });
}

// ---- secret-looking values found in the repository never appear in generated output ----
const LEAKS: [string, Record<string, Node>][] = [
  ['an inline TOKEN=… in scripts.start', nodeApp({ scripts: { start: `API_TOKEN=${VALUE} node server.js` } })],
  ['an inline PASSWORD=… in scripts.start', nodeApp({ scripts: { start: `DB_PASSWORD=${VALUE} SECRET_KEY=${VALUE} node server.js` } })],
  ['a password in a connection-string default', nodeApp({}, { 'server.js': `const url = process.env.DATABASE_URL || 'postgres://admin:${VALUE}@db:5432/app';\nrequire('http').createServer().listen(process.env.PORT || 3000);\n` })],
  ['a secret-named env default in code', nodeApp({}, { 'server.js': `const key = process.env.STRIPE_SECRET_KEY || '${VALUE}';\nrequire('http').createServer().listen(process.env.PORT || 3000);\n` })],
  ['a token in a Procfile', { ...nodeApp(), Procfile: `web: GITHUB_TOKEN=${VALUE} node server.js\n` }],
];
for (const [what, files] of LEAKS) {
  for (const mode of ['--json', '--write']) {
    hostile({
      name: `class 3: ${what} never appears in generated files or generate ${mode} output`,
      files,
      args: ['generate', '.', mode],
      exit: [0, 1],
      secrets: [VALUE],
    });
  }
  hostile({
    name: `class 3: ${what} never appears in detect --json`,
    files,
    args: ['detect', '.', '--json'],
    exit: [0, 1],
    secrets: [VALUE],
  });
}
