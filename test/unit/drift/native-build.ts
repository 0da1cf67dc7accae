// Builds real native artifacts for the drift tests on this machine: C programs and shared libraries
// compiled with gcc (glibc) and musl-gcc (musl) at test time, plus a hand-assembled ELF header for
// architectures no installed compiler targets.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Compiles C source to `out` with the given compiler and flags; returns `out`. */
export function compileC(compiler: string, source: string, out: string, flags: string[] = []): string {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const src = out + '.c';
  fs.writeFileSync(src, source);
  execFileSync(compiler, [src, '-o', out, ...flags], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  fs.rmSync(src);
  return out;
}

export const HELLO_C = '#include <stdio.h>\nint main(void){ puts("hello"); return 0; }\n';

/**
 * A minimal, hand-assembled 64-bit little-endian ELF executable header: one PT_LOAD and one PT_INTERP
 * naming `interpreter`. Enough for readers that look at e_machine and the loader; it does not run.
 */
export function handmadeElf64(machine: number, interpreter: string): Buffer {
  const ehsize = 64, phentsize = 56, phnum = 2;
  const interpOff = ehsize + phentsize * phnum;
  const interp = Buffer.from(interpreter + '\0', 'latin1');
  const total = interpOff + interp.length;
  const b = Buffer.alloc(total);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // magic, ELFCLASS64, little-endian, version 1
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(machine, 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(0x400000n + BigInt(ehsize), 24); // entry
  b.writeBigUInt64LE(BigInt(ehsize), 32); // phoff
  b.writeUInt16LE(ehsize, 52);
  b.writeUInt16LE(phentsize, 54);
  b.writeUInt16LE(phnum, 56);
  const ph = (i: number, type: number, off: number, size: number) => {
    const p = ehsize + i * phentsize;
    b.writeUInt32LE(type, p);
    b.writeUInt32LE(4, p + 4);
    b.writeBigUInt64LE(BigInt(off), p + 8);
    b.writeBigUInt64LE(0x400000n + BigInt(off), p + 16);
    b.writeBigUInt64LE(0x400000n + BigInt(off), p + 24);
    b.writeBigUInt64LE(BigInt(size), p + 32);
    b.writeBigUInt64LE(BigInt(size), p + 40);
  };
  ph(0, 1, 0, total); // PT_LOAD of the whole file
  ph(1, 3, interpOff, interp.length); // PT_INTERP
  interp.copy(b, interpOff);
  return b;
}

export const EM_AARCH64 = 183;
export const EM_X86_64 = 62;
