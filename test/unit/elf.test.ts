// The ELF reader against binaries compiled on this machine during the test (gcc → glibc, musl-gcc → musl,
// g++ → libstdc++), a shared library with a SONAME, and hand-assembled headers for other architectures.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readElf, tryReadElf, libcOf, maxVersionNeeded, compareVersions, sniffBinary, ElfError, isElf } from '../../src/core/elf';
import { compileC, hasTool, HELLO_C, handmadeElf64, EM_AARCH64 } from './drift/native-build';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-elf-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

function hostGlibc(): string {
  return /(\d+\.\d+)\s*$/m.exec(execFileSync('ldd', ['--version'], { encoding: 'utf8' }).split('\n')[0])![1];
}

test('a gcc-built executable: x86-64, glibc loader, libc.so.6 needed, GLIBC floor within the host glibc', () => {
  const bin = compileC('gcc', HELLO_C, path.join(tmp, 'hello-glibc'));
  const elf = readElf(fs.readFileSync(bin));
  assert.equal(elf.class, 64);
  assert.equal(elf.arch, process.arch === 'x64' ? 'amd64' : elf.arch);
  assert.match(elf.interpreter ?? '', /ld-linux/);
  assert.deepEqual(elf.needed, ['libc.so.6']);
  assert.equal(libcOf(elf), 'glibc');
  const floor = maxVersionNeeded(elf, 'GLIBC_');
  assert.ok(floor, 'a glibc binary needs at least one GLIBC_ version');
  assert.ok(compareVersions(floor!, '2.2.5') >= 0);
  assert.ok(compareVersions(floor!, hostGlibc()) <= 0, `${floor} ≤ host ${hostGlibc()}`);
});

test('a binary using a glibc 2.34 symbol needs GLIBC_2.34', () => {
  // __libc_start_main moved to GLIBC_2.34; every program linked against glibc ≥ 2.34 references it.
  const bin = compileC('gcc', HELLO_C, path.join(tmp, 'hello-234'));
  const elf = readElf(fs.readFileSync(bin));
  if (compareVersions(hostGlibc(), '2.34') >= 0) assert.ok(elf.versionNeeds['libc.so.6'].includes('GLIBC_2.34'));
});

test('a musl-gcc-built executable names the musl loader', { skip: !hasTool('musl-gcc') && 'musl-gcc not installed' }, () => {
  const bin = compileC('musl-gcc', HELLO_C, path.join(tmp, 'hello-musl'));
  const elf = readElf(fs.readFileSync(bin));
  assert.match(elf.interpreter ?? '', /ld-musl-x86_64\.so\.1/);
  assert.equal(libcOf(elf), 'musl');
  assert.equal(maxVersionNeeded(elf, 'GLIBC_'), undefined);
});

test('a statically linked musl binary has no loader and no libc family', { skip: !hasTool('musl-gcc') && 'musl-gcc not installed' }, () => {
  const bin = compileC('musl-gcc', HELLO_C, path.join(tmp, 'hello-static'), ['-static']);
  const elf = readElf(fs.readFileSync(bin));
  assert.equal(elf.interpreter, undefined);
  assert.deepEqual(elf.needed, []);
  assert.equal(libcOf(elf), undefined);
});

test('a shared library: DT_SONAME and DT_NEEDED of a library it links', () => {
  const dir = path.join(tmp, 'so');
  compileC('gcc', 'int dep(void){return 1;}\n', path.join(dir, 'libdep.so.5'), ['-shared', '-fPIC', '-Wl,-soname,libdep.so.5']);
  fs.symlinkSync('libdep.so.5', path.join(dir, 'libdep.so'));
  const lib = compileC('gcc', 'int dep(void);\nint api(void){return dep();}\n', path.join(dir, 'libapi.so'),
    ['-shared', '-fPIC', '-Wl,-soname,libapi.so.1', `-L${dir}`, '-ldep', '-Wl,--no-as-needed']);
  const elf = readElf(fs.readFileSync(lib));
  assert.equal(elf.soname, 'libapi.so.1');
  assert.ok(elf.needed.includes('libdep.so.5'), elf.needed.join(','));
  assert.equal(elf.interpreter, undefined);
  assert.equal(libcOf(elf), 'glibc');
});

test('a C++ program needs GLIBCXX_ and CXXABI_ versions from libstdc++', { skip: !hasTool('g++') && 'g++ not installed' }, () => {
  const src = path.join(tmp, 'cxx.cc');
  fs.writeFileSync(src, '#include <string>\n#include <iostream>\nint main(){ std::string s("x"); s += "y"; std::cout << s << std::endl; try { throw 1; } catch (int) {} }\n');
  const out = path.join(tmp, 'cxx');
  execFileSync('g++', [src, '-o', out], { stdio: 'ignore' });
  const elf = readElf(fs.readFileSync(out));
  assert.ok(elf.needed.includes('libstdc++.so.6'));
  assert.match(maxVersionNeeded(elf, 'GLIBCXX_') ?? '', /^3\.4(\.\d+)?$/);
  assert.match(maxVersionNeeded(elf, 'CXXABI_') ?? '', /^1\.3(\.\d+)?$/);
});

test('a hand-assembled aarch64 header reads as arm64 with the aarch64 glibc loader', () => {
  const elf = readElf(handmadeElf64(EM_AARCH64, '/lib/ld-linux-aarch64.so.1'));
  assert.equal(elf.arch, 'arm64');
  assert.equal(elf.interpreter, '/lib/ld-linux-aarch64.so.1');
  assert.equal(libcOf(elf), 'glibc');
  assert.deepEqual(elf.needed, []);
});

test('an aarch64 binary from the cross compiler reads as arm64', { skip: !hasTool('aarch64-linux-gnu-gcc') && 'gcc-aarch64-linux-gnu not installed' }, () => {
  const bin = compileC('aarch64-linux-gnu-gcc', HELLO_C, path.join(tmp, 'hello-arm64'));
  const elf = readElf(fs.readFileSync(bin));
  assert.equal(elf.arch, 'arm64');
  assert.match(elf.interpreter ?? '', /ld-linux-aarch64/);
});

test('malformed input: clear errors, never an out-of-bounds read', () => {
  assert.throws(() => readElf(Buffer.from('#!/bin/sh\necho hi\n')), ElfError);
  assert.throws(() => readElf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1])), /truncated/);
  const bad = handmadeElf64(62, '/lib64/ld-linux-x86-64.so.2');
  bad.writeBigUInt64LE(1n << 40n, 32); // program headers far outside the file
  assert.throws(() => readElf(bad), /truncated/);
  const cls = handmadeElf64(62, '/x');
  cls[4] = 9;
  assert.throws(() => readElf(cls), /class/);
  assert.equal(tryReadElf(bad), undefined);
  // Every prefix of a real binary either parses or throws ElfError — nothing else.
  const real = fs.readFileSync(compileC('gcc', HELLO_C, path.join(tmp, 'prefix')));
  for (let n = 0; n < real.length; n += 97) {
    try { readElf(real.subarray(0, n)); } catch (err) { assert.ok(err instanceof ElfError, `prefix ${n}: ${err}`); }
  }
});

test('sniffBinary tells ELF, Mach-O, PE and Java class files apart', () => {
  assert.equal(sniffBinary(handmadeElf64(62, '/x')), 'elf');
  assert.equal(sniffBinary(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])), 'macho');
  assert.equal(sniffBinary(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])), 'macho');
  assert.equal(sniffBinary(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 61])), undefined); // Java 17 class
  const pe = Buffer.alloc(128);
  pe.write('MZ', 0, 'latin1');
  pe.writeUInt32LE(64, 60);
  pe.write('PE\0\0', 64, 'latin1');
  assert.equal(sniffBinary(pe), 'pe');
  assert.equal(sniffBinary(Buffer.from('hello world')), undefined);
  assert.equal(isElf(Buffer.from('ELF')), false);
});

test('compareVersions orders dotted numbers', () => {
  assert.equal(compareVersions('2.17', '2.28'), -1);
  assert.equal(compareVersions('2.28', '2.28.0'), 0);
  assert.equal(compareVersions('3.4.30', '3.4.9'), 1);
});
