// The dev-host probe on this machine, and the on-disk artifact scan: which files it opens in
// node_modules, virtualenvs and build output, and what it reports for ELF, Mach-O and wheels.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { probeHost } from '../../../src/probe/host';
import { scanArtifacts } from '../../../src/probe/artifacts';
import { DiskRepo } from '../../../src/core/repo';
import { parseOsRelease } from '../../../src/core/platform/distros';
import { tempDir, writeFile } from './harness';
import { compileC } from './native-build';

test('host probe: os-release, arch, glibc version and node match what this machine says', async () => {
  const host = await probeHost();
  const osr = parseOsRelease(fs.readFileSync('/etc/os-release', 'utf8'));
  assert.equal(host.os.id, osr.ID);
  assert.equal(host.os.versionId, osr.VERSION_ID);
  assert.equal(host.arch, process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : host.arch);
  const ldd = execFileSync('ldd', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  assert.equal(host.libc.family, 'glibc');
  assert.equal(host.libc.version, /(\d+\.\d+)\s*$/.exec(ldd)![1]);
  assert.equal(host.runtimes.node, process.versions.node);
  let python: string | undefined;
  try {
    python = /Python (\S+)/.exec(execFileSync('python3', ['--version'], { encoding: 'utf8', timeout: 20_000 }))?.[1];
  } catch { /* no python3 on PATH */ }
  // A slow interpreter shim (pyenv) may miss the probe's timeout under load; what is reported must be right.
  if (python && host.runtimes.python) assert.equal(host.runtimes.python, python);
});

test('artifact scan: native folders of packages, platform packages, packages that build at install, wheels, Mach-O; plain JS is not opened', () => {
  const dir = tempDir();
  const so = (rel: string) => compileC('gcc', 'int f(void){return 1;}\n', path.join(dir, rel), ['-shared', '-fPIC']);
  writeFile(dir, 'package.json', '{"name":"app"}');
  so('node_modules/bcrypt/build/Release/bcrypt_lib.node');
  writeFile(dir, 'node_modules/bcrypt/package.json', '{"name":"bcrypt","scripts":{"install":"node-pre-gyp install"}}');
  so('node_modules/ssh-like/lib/deep/crypto/build/Release/c.node');
  writeFile(dir, 'node_modules/ssh-like/package.json', '{"name":"ssh-like","scripts":{"install":"node install.js"}}');
  so('node_modules/@img/sharp-linuxmusl-x64/lib/sharp.so.42');
  so('node_modules/pure-js/lib/looks-native-but-ignored.so');
  writeFile(dir, 'node_modules/pure-js/package.json', '{"name":"pure-js"}');
  writeFile(dir, 'node_modules/pure-js/index.js', 'module.exports = 1;\n');
  writeFile(dir, 'node_modules/fsevents/fsevents.node', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, 3, 0, 0, 0]));
  writeFile(dir, '.venv/pyvenv.cfg', 'home = /usr/bin\n');
  writeFile(dir, '.venv/lib/python3.11/site-packages/lxml-5.2.1.dist-info/WHEEL', 'Tag: cp311-cp311-manylinux_2_28_x86_64\n');
  compileC('gcc', '#include <stdio.h>\nint main(void){puts("x");}\n', path.join(dir, 'build/server'));
  writeFile(dir, 'bin/start', '#!/bin/sh\necho start\n', 0o755);

  const scan = scanArtifacts(dir, new DiskRepo(dir));
  const files = scan.artifacts.map((a) => `${(a.location as { file: string }).file} ${a.format}${a.prebuild?.libc ? ' ' + a.prebuild.libc : ''}`);
  assert.deepEqual(files, [
    'build/server elf',
    'node_modules/@img/sharp-linuxmusl-x64/lib/sharp.so.42 elf musl',
    'node_modules/bcrypt/build/Release/bcrypt_lib.node elf',
    'node_modules/fsevents/fsevents.node macho',
    'node_modules/ssh-like/lib/deep/crypto/build/Release/c.node elf',
  ]);
  assert.deepEqual(scan.wheels.map((w) => [w.name, w.needs[0].libcVersion]), [['lxml-5.2.1', '2.28']]);
  assert.match(scan.artifacts[0].elf?.interpreter ?? '', /ld-linux/);
});
