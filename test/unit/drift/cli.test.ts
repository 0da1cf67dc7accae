// `parity drift`, `parity check` and `parity hook` through the CLI entry point: exit codes with
// --fail-on, the --json shape, usage errors, and a real git commit stopped by the installed hook.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { SCENARIOS } from './scenarios';
import { tempDir, writeFile } from './harness';
import { HOOK_SCRIPT } from '../../../src/cli/commands/hook';
import { CLI, PROJECT_ROOT } from '../../helpers/paths';

async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd, signal: new AbortController().signal, isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

test('drift: an error finding exits 1; --json prints findings and the three environments', async () => {
  const dir = SCENARIOS['glibc-floor-centos7']();
  const human = await cli(['drift', dir]);
  assert.equal(human.code, 1);
  assert.match(human.out, /^error\s+GLIBC_FLOOR\s+needs GLIBC_2\.\d+/m);
  assert.match(human.out, /target  prod · CentOS 7 · amd64 · vm/);
  const json = await cli(['drift', dir, '--json']);
  assert.equal(json.code, 1);
  const parsed = JSON.parse(json.out);
  assert.deepEqual(Object.keys(parsed), ['findings', 'environments']);
  assert.deepEqual(Object.keys(parsed.environments), ['host', 'image', 'target']);
  assert.equal(parsed.environments.image, null);
  assert.equal(parsed.environments.target.os, 'centos7');
  assert.equal(parsed.environments.host.arch, 'amd64');
  assert.ok(parsed.findings.some((f: { id: string }) => f.id === 'GLIBC_FLOOR'));
});

test('drift --fail-on: warnings pass at the default threshold and fail with --fail-on warning', async () => {
  const dir = SCENARIOS['floating-tag']();
  const def = await cli(['drift', dir, '--json']);
  const severities = new Set(JSON.parse(def.out).findings.map((f: { severity: string }) => f.severity));
  assert.ok(severities.has('warning') && !severities.has('error'), [...severities].join());
  assert.equal(def.code, 0);
  assert.equal((await cli(['drift', dir, '--fail-on', 'warning'])).code, 1);
  assert.equal((await cli(['drift', dir, '--fail-on=error'])).code, 0);
});

test('drift: usage errors exit 2 (bad --fail-on, unknown target, missing folder)', async () => {
  const dir = SCENARIOS['glibc-floor-centos7']();
  const bad = await cli(['drift', dir, '--fail-on', 'fatal']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--fail-on must be error, warning or info/);
  const target = await cli(['drift', dir, '--target', 'staging']);
  assert.equal(target.code, 2);
  assert.match(target.err, /no target named 'staging' in parity.yaml \(targets: prod\)/);
  assert.equal((await cli(['drift', path.join(dir, 'nope')])).code, 2);
});

test('check: clean app exits 0 at --fail-on warning; a port mismatch exits 1', async () => {
  const clean = await cli(['check', SCENARIOS.clean(), '--fail-on', 'warning']);
  assert.equal(clean.code, 0, clean.out);
  assert.match(clean.out, /No drift found\./);
  const bad = await cli(['check', SCENARIOS['port-mismatch'](), '--json']);
  assert.equal(bad.code, 1);
  const parsed = JSON.parse(bad.out);
  assert.equal(parsed.environments.host, null);
  assert.ok(parsed.findings.every((f: { id: string }) => f.id !== 'MANIFEST_SCHEMA'));
  assert.ok(parsed.findings.some((f: { id: string }) => f.id === 'PORT_MISMATCH'));
});

test('check: a committed manifest that breaks the Kubernetes schema is a MANIFEST_SCHEMA error', async () => {
  const dir = SCENARIOS['env-missing']();
  writeFile(dir, 'k8s/deployment.yaml', fs.readFileSync(path.join(dir, 'k8s/deployment.yaml'), 'utf8').replace('containerPort: 8080', 'containerPort: "eighty"'));
  const r = await cli(['check', dir, '--json']);
  assert.equal(r.code, 1);
  const schema = JSON.parse(r.out).findings.filter((f: { id: string }) => f.id === 'MANIFEST_SCHEMA');
  assert.equal(schema.length, 1);
  assert.match(schema[0].message, /containerPort/);
  assert.deepEqual(schema[0].evidence, [{ file: 'k8s/deployment.yaml', line: 1 }]);
});

function gitRepo(): string {
  const dir = tempDir('parity-hook-');
  execFileSync('git', ['init', '-q', dir]);
  execFileSync('git', ['-C', dir, 'config', 'user.email', 't@example.com']);
  execFileSync('git', ['-C', dir, 'config', 'user.name', 'T']);
  return dir;
}

test('hook install writes an executable pre-commit hook; an existing foreign hook is kept unless --force', async () => {
  const dir = gitRepo();
  const file = path.join(dir, '.git/hooks/pre-commit');
  fs.rmSync(file, { force: true });
  assert.equal((await cli(['hook', 'install', dir])).code, 0);
  assert.equal(fs.readFileSync(file, 'utf8'), HOOK_SCRIPT);
  assert.equal(fs.statSync(file).mode & 0o777, 0o755);
  assert.equal((await cli(['hook', 'install', dir])).code, 0, 'reinstalling the same hook is fine');

  fs.writeFileSync(file, '#!/bin/sh\necho mine\n');
  const refused = await cli(['hook', 'install', dir]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /already exists.*--force/s);
  assert.equal(fs.readFileSync(file, 'utf8'), '#!/bin/sh\necho mine\n');
  const un = await cli(['hook', 'uninstall', dir]);
  assert.equal(un.code, 1, 'uninstall leaves a hook Parity did not write');
  assert.equal((await cli(['hook', 'install', dir, '--force'])).code, 0);
  assert.equal(fs.readFileSync(file, 'utf8'), HOOK_SCRIPT);
  assert.equal((await cli(['hook', 'uninstall', dir])).code, 0);
  assert.equal(fs.existsSync(file), false);
  assert.equal((await cli(['hook', 'frobnicate', dir])).code, 2);
});

test('the installed hook stops a real git commit when parity check finds an error', { skip: !fs.existsSync(path.join(PROJECT_ROOT, 'dist/cli.js')) && 'dist/cli.js not built (npm run build)' }, async () => {
  const dir = gitRepo();
  fs.cpSync(SCENARIOS['pkg-apt-on-alpine'](), dir, { recursive: true });
  assert.equal((await cli(['hook', 'install', dir])).code, 0);
  const bin = tempDir('parity-bin-');
  fs.symlinkSync(CLI, path.join(bin, 'parity'));
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  execFileSync('git', ['-C', dir, 'add', '.']);
  const blocked = spawnSync('git', ['-C', dir, 'commit', '-q', '-m', 'apt on alpine'], { env, encoding: 'utf8' });
  assert.notEqual(blocked.status, 0);
  assert.match(blocked.stdout + blocked.stderr, /PKG_MANAGER/);
  writeFile(dir, 'Dockerfile', fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8').replace('RUN apt-get update && apt-get install -y curl', 'RUN apk add --no-cache curl'));
  execFileSync('git', ['-C', dir, 'add', '.']);
  const ok = spawnSync('git', ['-C', dir, 'commit', '-q', '-m', 'apk on alpine'], { env, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
});
