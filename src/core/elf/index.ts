// A small ELF reader over bytes (a file from disk or an entry of an image tar). It reads only what drift
// needs: class, machine, the program interpreter (PT_INTERP), DT_NEEDED / DT_SONAME, and the symbol
// versions required from each library (.gnu.version_r: GLIBC_2.28, GLIBCXX_3.4.29, CXXABI_1.3.13…).
// Everything is found through the program headers, so stripped binaries read the same as unstripped ones.
import { compareVersions } from '../version';

export type ElfClass = 32 | 64;

export interface ElfInfo {
  class: ElfClass;
  littleEndian: boolean;
  /** Raw e_machine number. */
  machine: number;
  /** Docker-style architecture name (`amd64`, `arm64`, `386`, `arm`…) or `unknown(<n>)`. */
  arch: string;
  /** ET_EXEC = 2, ET_DYN = 3 (shared objects and PIE executables). */
  type: number;
  interpreter?: string;
  needed: string[];
  soname?: string;
  /** Versions required per library file, e.g. `{ 'libc.so.6': ['GLIBC_2.2.5', 'GLIBC_2.34'] }`. */
  versionNeeds: Record<string, string[]>;
}

export class ElfError extends Error {}

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_SONAME = 14;
const DT_VERNEED = 0x6ffffffe;
const DT_VERNEEDNUM = 0x6fffffff;

const MACHINES: Record<number, string> = {
  3: '386', 8: 'mips', 20: 'ppc', 21: 'ppc64', 22: 's390x', 40: 'arm', 62: 'amd64', 183: 'arm64', 243: 'riscv64', 258: 'loong64',
};

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

/** Binary formats worth telling apart in a build context: Linux ELF, macOS Mach-O, Windows PE. */
export function sniffBinary(bytes: Uint8Array): 'elf' | 'macho' | 'pe' | undefined {
  if (isElf(bytes)) return 'elf';
  if (bytes.length < 8) return undefined;
  const be = (bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]) >>> 0;
  const le = (bytes[3] << 24 | bytes[2] << 16 | bytes[1] << 8 | bytes[0]) >>> 0;
  if (le === 0xfeedface || le === 0xfeedfacf || be === 0xfeedface || be === 0xfeedfacf) return 'macho';
  // 0xcafebabe is both a universal Mach-O and a Java class file; a fat header counts a few architectures,
  // a class file carries its version (≥ 45) in the same place.
  if (be === 0xcafebabe) {
    const n = (bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7]) >>> 0;
    return n > 0 && n < 20 ? 'macho' : undefined;
  }
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.length >= 64) {
    const peOff = bytes[60] | bytes[61] << 8 | bytes[62] << 16 | bytes[63] << 24;
    if (peOff > 0 && peOff + 4 <= bytes.length && bytes[peOff] === 0x50 && bytes[peOff + 1] === 0x45 && bytes[peOff + 2] === 0 && bytes[peOff + 3] === 0) return 'pe';
  }
  return undefined;
}

export function archOfMachine(machine: number): string {
  return MACHINES[machine] ?? `unknown(${machine})`;
}

interface Segment { type: number; offset: number; vaddr: number; filesz: number }

/** Parses an ELF image; throws ElfError on anything that is not a well-formed ELF file. */
export function readElf(bytes: Uint8Array): ElfInfo {
  if (!isElf(bytes)) throw new ElfError('not an ELF file');
  if (bytes.length < 52) throw new ElfError('truncated ELF header');
  const cls = bytes[4];
  if (cls !== 1 && cls !== 2) throw new ElfError(`unknown ELF class ${cls}`);
  const data = bytes[5];
  if (data !== 1 && data !== 2) throw new ElfError(`unknown ELF byte order ${data}`);
  const is64 = cls === 2;
  const le = data === 1;
  if (is64 && bytes.length < 64) throw new ElfError('truncated ELF header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => check(o, 2) && view.getUint16(o, le);
  const u32 = (o: number) => check(o, 4) && view.getUint32(o, le);
  const word = (o: number) => (is64 ? Number(check(o, 8) && view.getBigUint64(o, le)) : u32(o));
  function check(o: number, n: number): true {
    if (o < 0 || o + n > bytes.length) throw new ElfError(`truncated ELF file (read at ${o})`);
    return true;
  }

  const type = u16(16);
  const machine = u16(18);
  const phoff = word(is64 ? 32 : 28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  if (phnum > 4096) throw new ElfError(`implausible program header count ${phnum}`);

  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    segments.push(is64
      ? { type: u32(p), offset: word(p + 8), vaddr: word(p + 16), filesz: word(p + 32) }
      : { type: u32(p), offset: u32(p + 4), vaddr: u32(p + 8), filesz: u32(p + 16) });
  }

  const cstr = (o: number, end = bytes.length): string => {
    let e = o;
    while (e < end && bytes[e] !== 0) e++;
    if (e >= end && o >= end) throw new ElfError(`string outside the file (at ${o})`);
    return Buffer.from(bytes.buffer, bytes.byteOffset + o, e - o).toString('latin1');
  };
  const fileOffset = (addr: number): number => {
    const seg = segments.find((s) => s.type === PT_LOAD && addr >= s.vaddr && addr < s.vaddr + s.filesz);
    if (!seg) throw new ElfError(`address 0x${addr.toString(16)} is not in a loaded segment`);
    return addr - seg.vaddr + seg.offset;
  };

  const info: ElfInfo = { class: is64 ? 64 : 32, littleEndian: le, machine, arch: archOfMachine(machine), type, needed: [], versionNeeds: {} };
  const interp = segments.find((s) => s.type === PT_INTERP);
  if (interp) {
    check(interp.offset, interp.filesz);
    info.interpreter = cstr(interp.offset, interp.offset + interp.filesz);
  }
  const dyn = segments.find((s) => s.type === PT_DYNAMIC);
  if (!dyn) return info;

  const entSize = is64 ? 16 : 8;
  const entries: [number, number][] = [];
  for (let o = dyn.offset; o + entSize <= dyn.offset + dyn.filesz; o += entSize) {
    const tag = is64 ? Number(check(o, 8) && view.getBigInt64(o, le)) : (check(o, 4) && view.getInt32(o, le));
    if (tag === DT_NULL) break;
    entries.push([tag, word(o + (is64 ? 8 : 4))]);
  }
  const tagValue = (t: number) => entries.find(([tag]) => tag === t)?.[1];
  const strtabAddr = tagValue(DT_STRTAB);
  if (strtabAddr === undefined) return info;
  const strtab = fileOffset(strtabAddr);
  const strsz = tagValue(DT_STRSZ) ?? bytes.length - strtab;
  const str = (off: number) => {
    if (off >= strsz) throw new ElfError(`dynamic string offset ${off} outside the table`);
    return cstr(strtab + off, Math.min(bytes.length, strtab + strsz));
  };

  for (const [tag, val] of entries) {
    if (tag === DT_NEEDED) info.needed.push(str(val));
    else if (tag === DT_SONAME) info.soname = str(val);
  }

  const verneed = tagValue(DT_VERNEED);
  const verneedNum = tagValue(DT_VERNEEDNUM) ?? 0;
  if (verneed !== undefined && verneedNum > 0) {
    let vn = fileOffset(verneed);
    for (let i = 0; i < verneedNum && i < 1024; i++) {
      const cnt = u16(vn + 2);
      const file = str(u32(vn + 4));
      const versions = (info.versionNeeds[file] ??= []);
      let aux = vn + u32(vn + 8);
      for (let j = 0; j < cnt && j < 4096; j++) {
        const name = str(u32(aux + 8));
        if (!versions.includes(name)) versions.push(name);
        const next = u32(aux + 12);
        if (next === 0) break;
        aux += next;
      }
      const nextVn = u32(vn + 12);
      if (nextVn === 0) break;
      vn += nextVn;
    }
  }
  return info;
}

/** `readElf` that returns undefined instead of throwing (for scanning many files). */
export function tryReadElf(bytes: Uint8Array): ElfInfo | undefined {
  try {
    return readElf(bytes);
  } catch {
    return undefined;
  }
}

export type LibcFamily = 'glibc' | 'musl';

/** libc an artifact was linked against: the loader name for executables, DT_NEEDED for libraries. */
export function libcOf(elf: ElfInfo): LibcFamily | undefined {
  const interp = elf.interpreter ?? '';
  if (/ld-musl-/.test(interp)) return 'musl';
  if (/ld-linux|ld64\.so|ld\.so/.test(interp)) return 'glibc';
  if (elf.needed.some((n) => /^libc\.musl-|^ld-musl-/.test(n))) return 'musl';
  if (elf.needed.includes('libc.so.6') || Object.keys(elf.versionNeeds).includes('libc.so.6')) return 'glibc';
  // musl's libc is named plain `libc.so`; glibc's is libc.so.6.
  if (elf.needed.includes('libc.so')) return 'musl';
  return undefined;
}

/** Highest required version with a prefix (`GLIBC_`, `GLIBCXX_`, `CXXABI_`) over all libraries, e.g. `2.34`. */
export function maxVersionNeeded(elf: ElfInfo, prefix: 'GLIBC_' | 'GLIBCXX_' | 'CXXABI_'): string | undefined {
  let best: string | undefined;
  for (const versions of Object.values(elf.versionNeeds)) {
    for (const v of versions) {
      if (!v.startsWith(prefix)) continue;
      const num = v.slice(prefix.length);
      if (!/^\d+(\.\d+)*$/.test(num)) continue; // GLIBC_PRIVATE and the like
      if (best === undefined || compareVersions(num, best) > 0) best = num;
    }
  }
  return best;
}
/** Re-exported for the drift rules, which read versions out of ELF files. */
export { compareVersions };

const NODE_REGISTER = Buffer.from('node_register_module_v', 'latin1');

/**
 * NODE_MODULE_VERSION a classic (non-N-API) Node addon was compiled for, from the
 * `node_register_module_v<N>` symbol it exports; undefined for N-API addons (ABI-stable) and non-addons.
 */
export function nodeModuleVersion(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buf.indexOf(NODE_REGISTER);
  if (at < 0) return undefined;
  let end = at + NODE_REGISTER.length;
  while (end < buf.length && buf[end] >= 0x30 && buf[end] <= 0x39) end++;
  const n = Number(buf.subarray(at + NODE_REGISTER.length, end).toString('latin1'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Node.js major for a NODE_MODULE_VERSION (from Node's abi_version_registry.json). */
export const NODE_ABI_MAJOR: Record<number, number> = { 64: 10, 67: 11, 72: 12, 79: 13, 83: 14, 88: 15, 93: 16, 102: 17, 108: 18, 111: 19, 115: 20, 120: 21, 127: 22, 131: 23, 137: 24, 141: 25 };

/** Java feature release a class file targets (major 61 → 17), or undefined when bytes are not a class file. */
export function classFileRelease(bytes: Uint8Array): number | undefined {
  if (bytes.length < 8 || bytes[0] !== 0xca || bytes[1] !== 0xfe || bytes[2] !== 0xba || bytes[3] !== 0xbe) return undefined;
  const major = (bytes[6] << 8) | bytes[7];
  return major >= 45 && major < 100 ? major - 44 : undefined;
}
