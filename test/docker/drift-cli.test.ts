// `parity drift --image` end to end through the CLI entry point, against an image built here
// (FROM scratch: Debian's musl loader and a binary compiled now with gcc, i.e. for glibc).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireEngine } from '../helpers/docker';
import { buildTestImage, removeTestImages } from './drift-images';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { compileC, HELLO_C } from '../unit/drift/native-build';
import { tempDir, writeFile } from '../unit/drift/harness';

after(removeTestImages);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: process.cwd(), signal: new AbortController().signal, isTTY: false };
  return { code: await main(args, io), out, err };
}

test('parity drift --image: the image environment is probed and its glibc binary on musl fails the run', async (t) => {
  const engine = await requireEngine(t);
  if (!engine) return;
  const work = tempDir();
  const tag = await buildTestImage(engine.docker, `parity-drift-cli-${process.pid}:1`, {
    Dockerfile: 'FROM scratch\nCOPY lib/ /lib/\nCOPY app/ /app/\nUSER 1000\nENTRYPOINT ["/app/server"]\n',
    'lib/ld-musl-x86_64.so.1': fs.readFileSync('/usr/lib/x86_64-linux-musl/libc.so'),
    'app/server': fs.readFileSync(compileC('gcc', HELLO_C, path.join(work, 'server'))),
  }, { 'app/server': 0o755, 'lib/ld-musl-x86_64.so.1': 0o755 });
  const project = tempDir();
  writeFile(project, 'parity.yaml', 'targets:\n  prod:\n    os: debian12\n    arch: amd64\n    runtime: kubernetes\n');
  const r = await cli(['drift', project, '--image', tag, '--json']);
  assert.equal(r.code, 1, r.err);
  const parsed = JSON.parse(r.out);
  assert.equal(parsed.environments.image.ref, tag);
  assert.equal(parsed.environments.image.libc.family, 'musl');
  assert.equal(parsed.environments.image.user, '1000');
  const libc = parsed.findings.find((f: { id: string }) => f.id === 'LIBC_FAMILY');
  assert.deepEqual(libc.evidence[0], { image: tag, path: '/app/server', excerpt: 'PT_INTERP /lib64/ld-linux-x86-64.so.2' });
  const human = await cli(['drift', project, '--image', tag]);
  assert.match(human.out, new RegExp(`^image   ${tag.replace(/[.:]/g, '\\$&')} · linux/amd64 · no os-release · musl · user 1000`, 'm'));
});

test('parity drift --image with an unknown tag: exit 1 and a clear message', async (t) => {
  const engine = await requireEngine(t);
  if (!engine) return;
  const r = await cli(['drift', tempDir(), '--image', 'parity-no-such-image:0']);
  assert.equal(r.code, 1);
  assert.match(r.err, /image parity-no-such-image:0 not found in the Docker engine/);
});
