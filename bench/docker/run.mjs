#!/usr/bin/env node
// Docker benchmarks (issue 4), against the real engine:
//  1. rebuild after editing one source file ÷ cold build of the same generated Dockerfile (target ≤ 0.15),
//     for the bundled example and the TypeScript fixture (which has a build step);
//  2. context bytes sent ÷ bytes of the non-ignored files (target ≤ 1.02) and peak RSS while sending a
//     1 GB context (target ≤ 150 MB), on a generated tree with 1 GB of sources plus ignored folders.
//
//   node bench/docker/run.mjs [--skip-rebuild] [--skip-context] [--gb 1]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const gb = Number(args[args.indexOf('--gb') + 1] || 1) || 1;
// Bundles go under node_modules/ so the few packages esbuild leaves external (ssh2…) still resolve.
fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
const out = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'parity-docker-bench-'));

async function bundle(name) {
  const file = path.join(out, `${name}.cjs`);
  await build({ entryPoints: [path.join(here, `${name}.ts`)], outfile: file, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', external: ['cpu-features', 'ssh2', '*.node'] });
  return file;
}

function child(file, argv) {
  return JSON.parse(execFileSync(process.execPath, [file, ...argv], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 }));
}

const fmt = (n, d = 3) => n.toFixed(d);

if (!args.includes('--skip-rebuild')) {
  const rebuild = await bundle('rebuild');
  for (const [app, edited] of [[path.join(root, 'examples', 'node-redis'), 'server.js'], [path.join(root, 'test', 'fixtures', 'docker', 'node-ts-build'), 'src/server.ts']]) {
    const r = child(rebuild, [app, edited]);
    console.log(`rebuild ${r.app} (edit ${r.edited}): cold ${fmt(r.coldSeconds, 1)} s, rebuild ${fmt(r.rebuildSeconds, 2)} s, ratio ${fmt(r.ratio)} (target ≤ 0.15) ${r.ratio <= 0.15 ? 'OK' : 'OVER'}`);
  }
}

if (!args.includes('--skip-context')) {
  const send = await bundle('send-context');
  const tree = path.join(out, 'big-context');
  fs.mkdirSync(path.join(tree, 'src'), { recursive: true });
  // Sources: 16 MiB files (incompressible) up to the size asked; ignored: node_modules, .git, .env, a key.
  const chunk = crypto.randomBytes(1 << 20);
  let sourceBytes = 0;
  const files = Math.round((gb * 1024) / 16);
  for (let i = 0; i < files; i++) {
    const fd = fs.openSync(path.join(tree, 'src', `blob-${i}.bin`), 'w');
    for (let m = 0; m < 16; m++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    sourceBytes += 16 << 20;
  }
  for (let i = 0; i < 200; i++) {
    const text = `export const v${i} = ${i};\n`.repeat(40);
    fs.writeFileSync(path.join(tree, 'src', `mod-${i}.js`), text);
    sourceBytes += Buffer.byteLength(text);
  }
  const ignoreText = 'node_modules\n*.log\n';
  fs.writeFileSync(path.join(tree, '.dockerignore'), ignoreText);
  sourceBytes += ignoreText.length;
  fs.mkdirSync(path.join(tree, 'node_modules', 'big'), { recursive: true });
  fs.mkdirSync(path.join(tree, '.git', 'objects'), { recursive: true });
  for (let i = 0; i < 4; i++) {
    fs.writeFileSync(path.join(tree, 'node_modules', 'big', `dep-${i}.bin`), chunk);
    fs.writeFileSync(path.join(tree, '.git', 'objects', `pack-${i}`), chunk);
  }
  fs.writeFileSync(path.join(tree, 'debug.log'), 'log\n'.repeat(1000));
  fs.writeFileSync(path.join(tree, '.env'), 'SECRET=1\n');
  fs.writeFileSync(path.join(tree, 'server.key'), 'KEY\n');
  const r = child(send, [tree, 'parity-bench-context', 'auto']);
  const ratio = r.bytesSent / sourceBytes;
  console.log(`context: ${fmt(sourceBytes / 2 ** 30, 2)} GiB of non-ignored files, ${fmt(r.bytesSent / 2 ** 30, 4)} GiB sent, ratio ${fmt(ratio, 4)} (target ≤ 1.02) ${ratio <= 1.02 ? 'OK' : 'OVER'}; Parity counted ${r.fileBytes - sourceBytes} bytes more (its in-memory Dockerfile)`);
  console.log(`context: peak RSS ${fmt(r.peakRssMB, 1)} MB while sending (node baseline ${fmt(r.baselineRssMB, 1)} MB) (target ≤ 150 MB) ${r.peakRssMB <= 150 ? 'OK' : 'OVER'}; ${fmt(r.seconds, 1)} s`);
}
if (!args.includes('--skip-small')) {
  // A real source tree of small files: tar's 512-byte headers and padding dominate, gzip more than wins it back.
  const send = await bundle('send-context');
  const app = path.join(root, 'test', 'fixtures', 'apps');
  for (const mode of ['plain', 'auto']) {
    const r = child(send, [app, 'parity-bench-small', mode]);
    console.log(`context (${mode}): test/fixtures/apps, ${r.fileBytes} bytes of files, ${r.bytesSent} sent, ratio ${fmt(r.bytesSent / r.fileBytes)}`);
  }
}
fs.rmSync(out, { recursive: true, force: true });
