// The build context, read back from the tar stream exactly as the engine would receive it. No engine
// needed: these run everywhere.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar-stream';
import * as zlib from 'node:zlib';
import { createContext, GENERATED_DOCKERFILE, type ContextOptions } from '../../src/docker/context';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-ctx-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Streams the context and returns the files in the tar with their contents, plus the stream's totals. */
async function readContext(opts: ContextOptions) {
  const ctx = await createContext(opts);
  const extract = tar.extract();
  const files: Record<string, string> = {};
  extract.on('entry', (header, stream, next) => {
    let body = '';
    stream.on('data', (c: unknown) => (body += (c as Buffer).toString('utf8')));
    stream.on('end', () => {
      if (header.type === 'file') files[header.name] = body;
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => extract.on('finish', resolve).on('error', reject));
  (ctx.gzip ? ctx.stream.pipe(zlib.createGunzip()) : ctx.stream).pipe(extract);
  await done;
  return { files, ctx, sent: await ctx.finished };
}

test('secrets, keys and .git never enter the context, even without a .dockerignore, and the caller is told', async () => {
  const dir = tree({
    'server.js': 'console.log(1)\n', 'src/lib.js': 'x\n',
    '.env': 'SECRET=1\n', '.env.local': 'SECRET=2\n', 'config/.env.production': 'SECRET=3\n',
    'certs/server.pem': 'PEM', 'certs/server.key': 'KEY', 'id_rsa': 'RSA', 'deploy/id_ed25519.pub': 'PUB',
    '.git/config': '[core]\n', '.git/HEAD': 'ref\n',
  });
  const { files, ctx } = await readContext({ dir });
  assert.deepEqual(Object.keys(files).sort(), ['server.js', 'src/lib.js']);
  assert.deepEqual(ctx.secretsLeftOut.sort(), ['.env', '.env.local', '.git/', 'certs/server.key', 'certs/server.pem', 'config/.env.production', 'deploy/id_ed25519.pub', 'id_rsa']);
});

test('a .dockerignore `!` rule cannot bring a secret back', async () => {
  const dir = tree({ 'a.js': '1', '.env': 'S=1', '.dockerignore': '*.md\n!.env\n', 'README.md': '# r' });
  const { files } = await readContext({ dir });
  assert.deepEqual(Object.keys(files).sort(), ['.dockerignore', 'a.js']);
});

test("Docker's .dockerignore semantics: root-anchored names, ** globs, exceptions inside ignored folders", async () => {
  const dir = tree({
    'app.js': '1', 'debug.log': 'l', 'keep.log': 'k', 'logs/a.log': 'a',
    'node_modules/x/index.js': 'x', 'packages/p/node_modules/y.js': 'y',
    'build/out.js': 'o', 'build/keep/me.txt': 'm', 'docs/tmp/t.txt': 't', 'sub/build/s.js': 's',
    '.dockerignore': ['*.log', '!keep.log', '**/node_modules', 'build', '!build/keep', '**/tmp'].join('\n'),
  });
  const { files } = await readContext({ dir });
  // `*.log` matches only at the root (logs/a.log stays); `build` is the root folder only (sub/build stays).
  assert.deepEqual(Object.keys(files).sort(), ['.dockerignore', 'app.js', 'build/keep/me.txt', 'keep.log', 'logs/a.log', 'sub/build/s.js']);
});

test('an in-memory Dockerfile and .dockerignore are used without touching the folder', async () => {
  const dir = tree({ 'index.html': '<h1>x</h1>', 'notes.txt': 'n', '.dockerignore': 'index.html\n' });
  const { files, ctx } = await readContext({ dir, dockerfileContent: 'FROM nginx:1.27-bookworm\n', dockerignoreContent: '*.txt\n' });
  assert.equal(ctx.dockerfile, GENERATED_DOCKERFILE);
  assert.equal(files[GENERATED_DOCKERFILE], 'FROM nginx:1.27-bookworm\n');
  assert.deepEqual(Object.keys(files).sort(), ['.dockerignore', GENERATED_DOCKERFILE, 'index.html']);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.dockerignore', 'index.html', 'notes.txt']);
});

test('the content hash is stable, ignores mtimes, and changes with any byte or file name', async () => {
  const dir = tree({ 'a.js': 'one', 'lib/b.js': 'two' });
  const first = (await readContext({ dir })).sent.hash;
  fs.utimesSync(path.join(dir, 'a.js'), new Date(2001, 1, 1), new Date(2001, 1, 1));
  assert.equal((await readContext({ dir })).sent.hash, first);
  fs.writeFileSync(path.join(dir, 'a.js'), 'onE');
  const edited = (await readContext({ dir })).sent.hash;
  assert.notEqual(edited, first);
  fs.renameSync(path.join(dir, 'lib/b.js'), path.join(dir, 'lib/c.js'));
  assert.notEqual((await readContext({ dir })).sent.hash, edited);
});

test('bytes sent stay close to the bytes of the files (tar overhead only)', async () => {
  const big = 'x'.repeat(256 * 1024);
  const dir = tree(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}.bin`, big])));
  const { sent, ctx } = await readContext({ dir });
  assert.equal(ctx.gzip, false, 'big files are not worth compressing');
  assert.equal(ctx.fileBytes, 8 * big.length);
  assert.ok(sent.bytesSent / ctx.fileBytes <= 1.02, `ratio ${sent.bytesSent / ctx.fileBytes}`);
});

test('gzip: the same tar, compressed, with bytes sent counted after compression', async () => {
  const dir = tree(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`src/m${i}.js`, `export const v = ${i};\n`.repeat(30)])));
  const plain = await createContext({ dir, gzip: false });
  plain.stream.resume();
  const zipped = await createContext({ dir, gzip: true });
  const chunks: Buffer[] = [];
  zipped.stream.on('data', (c: Buffer) => chunks.push(c));
  const [p, z] = await Promise.all([plain.finished, zipped.finished]);
  const unzipped = zlib.gunzipSync(Buffer.concat(chunks));
  assert.equal(unzipped.length, p.bytesSent);
  assert.equal(z.hash, p.hash);
  assert.equal(z.bytesSent, Buffer.concat(chunks).length);
  assert.ok(z.bytesSent / plain.fileBytes < 0.5, `gzip ratio ${z.bytesSent / plain.fileBytes}`);
});

test('auto gzip: a tree of small files is compressed so headers do not dominate what is sent', async () => {
  const dir = tree(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`src/f${i}.js`, `exports.v${i} = require('./f${(i + 1) % 40}');\n`.repeat(30)])));
  const { files, ctx, sent } = await readContext({ dir });
  assert.equal(ctx.gzip, true);
  assert.equal(Object.keys(files).length, 40);
  assert.ok(sent.bytesSent / ctx.fileBytes <= 1.02, `ratio ${sent.bytesSent / ctx.fileBytes}`);
});

test('the Dockerfile and .dockerignore are always sent, even when the .dockerignore lists them (as the Docker CLI does)', async () => {
  const dir = tree({ 'index.html': '<h1>x</h1>', Dockerfile: 'FROM nginx:1.27-bookworm\n', 'Dockerfile.dev': 'FROM x\n', '.dockerignore': 'Dockerfile*\n.dockerignore\n' });
  const { files, ctx } = await readContext({ dir });
  assert.equal(ctx.dockerfile, 'Dockerfile');
  assert.deepEqual(Object.keys(files).sort(), ['.dockerignore', 'Dockerfile', 'index.html'], 'other ignored files stay out');
  assert.equal(files.Dockerfile, 'FROM nginx:1.27-bookworm\n');
});
