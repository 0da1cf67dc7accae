// Platform tags of binary packages: Python wheels (`*.dist-info/WHEEL` Tag lines) and Node prebuilds
// named by platform (`prebuilds/linuxmusl-x64/…`, `@img/sharp-linuxmusl-x64`, `@swc/core-linux-x64-gnu`).
// Both reduce to one shape: which OS, libc (and minimum version) and architecture the binary needs.
import { normalizeArch } from './config';

export interface PlatformNeed {
  os: 'linux' | 'darwin' | 'win32' | 'any';
  /** Undefined when the name does not say (plain `linux-x64` prebuilds are glibc by convention). */
  libc?: 'glibc' | 'musl';
  /** Minimum libc version (`manylinux_2_28` → `2.28`, `musllinux_1_2` → `1.2`). */
  libcVersion?: string;
  /** Docker-style arch (`amd64`, `arm64`…) or `any`. */
  arch: string;
  /** The tag or name this came from, for evidence. */
  tag: string;
}

const LEGACY_MANYLINUX: Record<string, string> = { manylinux1: '2.5', manylinux2010: '2.12', manylinux2014: '2.17' };

function archOf(raw: string): string {
  const a = raw.toLowerCase();
  if (a === 'i686' || a === 'i386' || a === 'ia32' || a === 'x86' || a === 'win32') return '386';
  if (a === 'armv7l' || a === 'armv7' || a === 'armhf' || a === 'arm') return 'arm';
  if (a === 'ppc64le') return 'ppc64le';
  if (a === 'universal2' || a === 'universal') return 'any';
  if (a === 'amd64') return 'amd64';
  return normalizeArch(a);
}

/** One wheel platform tag (the third part of `cp311-cp311-manylinux_2_17_x86_64`). */
export function parseWheelPlatform(platform: string): PlatformNeed {
  const p = platform.toLowerCase();
  if (p === 'any') return { os: 'any', arch: 'any', tag: platform };
  let m = /^manylinux_(\d+)_(\d+)_(.+)$/.exec(p);
  if (m) return { os: 'linux', libc: 'glibc', libcVersion: `${m[1]}.${m[2]}`, arch: archOf(m[3]), tag: platform };
  m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(p);
  if (m) return { os: 'linux', libc: 'glibc', libcVersion: LEGACY_MANYLINUX[m[1]], arch: archOf(m[2]), tag: platform };
  m = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(p);
  if (m) return { os: 'linux', libc: 'musl', libcVersion: `${m[1]}.${m[2]}`, arch: archOf(m[3]), tag: platform };
  m = /^linux_(.+)$/.exec(p);
  if (m) return { os: 'linux', arch: archOf(m[1]), tag: platform };
  m = /^macosx_\d+_\d+_(.+)$/.exec(p);
  if (m) return { os: 'darwin', arch: archOf(m[1]), tag: platform };
  if (p === 'win32') return { os: 'win32', arch: '386', tag: platform };
  m = /^win_(.+)$/.exec(p);
  if (m) return { os: 'win32', arch: archOf(m[1]), tag: platform };
  return { os: 'any', arch: 'any', tag: platform };
}

/** Platform needs from the text of a `.dist-info/WHEEL` file (one per `Tag:` line, compressed tags expanded). */
export function parseWheelFile(text: string): PlatformNeed[] {
  const out: PlatformNeed[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^Tag:\s*(\S+)$/.exec(line.trim());
    if (!m) continue;
    const parts = m[1].split('-');
    if (parts.length < 3) continue;
    for (const plat of parts.slice(2).join('-').split('.')) out.push(parseWheelPlatform(plat));
  }
  return out;
}

/**
 * A wheel runs on the target when one of its tags fits: pure wheels always, manylinux when the target's
 * glibc is at least the tag's, musllinux on musl, and the architecture matches.
 */
export function wheelFits(needs: PlatformNeed[], target: { libc: 'glibc' | 'musl'; libcVersion: string; arch: string }, cmp: (a: string, b: string) => number): boolean {
  if (needs.length === 0) return true;
  return needs.some((n) => {
    if (n.os === 'any') return true;
    if (n.os !== 'linux') return false;
    if (n.arch !== 'any' && n.arch !== target.arch) return false;
    if (n.libc && n.libc !== target.libc) return false;
    return !n.libcVersion || cmp(target.libcVersion, n.libcVersion) >= 0;
  });
}

/**
 * Platform named by a Node prebuilt binary path, or undefined when the path names none. Recognises
 * `prebuilds/<os>-<arch>/…`, `<pkg>-<os>-<arch>[-gnu|-musl|-msvc]` packages (`@img/sharp-linuxmusl-x64`,
 * `@swc/core-linux-x64-musl`, `@esbuild/darwin-arm64`) and `*.musl.node` / `*.glibc.node` file names.
 */
export function parsePrebuildPath(path: string): PlatformNeed | undefined {
  const segs = path.split('/');
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i].toLowerCase();
    const m = /(?:^|-)(linuxmusl|linux|darwin|win32|alpine)-(x64|arm64|ia32|arm|ppc64|s390x|riscv64|loong64)(?:-(gnu|musl|msvc|gnueabihf|musleabihf))?(?:$|[.-])/.exec(seg);
    if (!m) continue;
    const os = m[1] === 'win32' ? 'win32' : m[1] === 'darwin' ? 'darwin' : 'linux';
    let libc: PlatformNeed['libc'];
    if (m[1] === 'linuxmusl' || m[1] === 'alpine' || m[3]?.startsWith('musl')) libc = 'musl';
    else if (m[3]?.startsWith('gnu')) libc = 'glibc';
    const file = segs[segs.length - 1].toLowerCase();
    if (!libc && os === 'linux' && /\.musl\.node$/.test(file)) libc = 'musl';
    if (!libc && os === 'linux' && /\.glibc\.node$/.test(file)) libc = 'glibc';
    return { os, libc, arch: archOf(m[2]), tag: segs.slice(i).join('/') };
  }
  return undefined;
}
