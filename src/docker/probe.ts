// Image probe for drift: the image config (os, arch, user, env, ports, entrypoint) from inspect, and its
// filesystem read through the Engine API export of a created — never started — container, streamed
// through a tar parser that keeps only what drift needs: os-release, the libc loader, dpkg/apk databases,
// rpm presence, library names, zoneinfo, runtime versions, wheel tags and native artifacts outside the
// system folders. The temporary container is removed whatever happens.
import type Docker from 'dockerode';
import * as tar from 'tar-stream';
import type { Readable } from 'node:stream';
import { normalizeArch } from '../core/config';
import { nodeModuleVersion, readElf, sniffBinary } from '../core/elf';
import { parsePrebuildPath, parseWheelFile } from '../core/wheel';
import { distroFromOsRelease, parseOsRelease } from '../core/platform/distros';
import type { ImageInfo, LibcInfo, NativeArtifact, WheelArtifact } from '../core/drift/types';
import { UserError } from '../core/errors';

const PROBE_LABEL = 'dev.parity.probe';
const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
const SYSTEM_DIRS = /^(bin|sbin|lib|lib32|lib64|libx32|usr|etc|var|proc|sys|dev|run|tmp|boot)\//;
const LIB_DIR = /^(lib|lib64|usr\/lib|usr\/lib64|usr\/local\/lib)\/(?:[\w.+-]+-linux-[\w]+\/)?[^/]+$/;

interface Collected {
  files: Map<string, Buffer>;
  links: Map<string, string>;
  names: Set<string>;
  executables: Set<string>;
}

export interface ProbeOptions {
  /** Abort the export (Ctrl-C); the container is still removed. */
  signal?: AbortSignal;
}

export async function probeImage(docker: Docker, ref: string, opts: ProbeOptions = {}): Promise<ImageInfo> {
  let inspect: Docker.ImageInspectInfo;
  try {
    inspect = await docker.getImage(ref).inspect();
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 404) throw new UserError(`image ${ref} not found in the Docker engine`, 'Build it first (parity up, docker build) or name an existing tag with --image.');
    throw err;
  }
  const cfg = inspect.Config ?? ({} as Docker.ImageInspectInfo['Config']);
  const entrypoint = (cfg.Entrypoint as string[] | null) ?? [];
  const cmd = (cfg.Cmd as string[] | null) ?? [];
  const env: Record<string, string> = {};
  for (const e of cfg.Env ?? []) {
    const i = e.indexOf('=');
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
  }
  const collected = await exportFilesystem(docker, ref, entrypoint[0] ?? cmd[0], opts);
  return describe(ref, inspect, env, entrypoint, cmd, collected);
}

async function exportFilesystem(docker: Docker, ref: string, entry: string | undefined, opts: ProbeOptions): Promise<Collected> {
  // A command is required to create a container from images without CMD; it is never run.
  const container = await docker.createContainer({ Image: ref, Entrypoint: ['/parity-probe-never-started'], Cmd: [], Labels: { [PROBE_LABEL]: 'true' }, NetworkDisabled: true });
  try {
    const stream = (await container.export()) as unknown as Readable;
    const onAbort = () => stream.destroy(new UserError('image probe cancelled'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await collect(stream, entry?.replace(/^\//, ''));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

function wanted(name: string, entry: string | undefined, mode: number): boolean {
  if (/^(etc|usr\/lib)\/os-release$/.test(name)) return true;
  if (name === 'var/lib/dpkg/status' || name === 'lib/apk/db/installed') return true;
  if (/^usr\/local\/include\/node\/node_version\.h$/.test(name)) return true;
  if (/\.dist-info\/WHEEL$/.test(name)) return true;
  if (name === entry) return true;
  if (SYSTEM_DIRS.test(name) && !/^usr\/(src|app)\//.test(name)) return false;
  return /\.(node|so(\.\d+)*)$/.test(name) || (mode & 0o111) !== 0;
}

function collect(stream: Readable, entry: string | undefined): Promise<Collected> {
  const out: Collected = { files: new Map(), links: new Map(), names: new Set(), executables: new Set() };
  const extract = tar.extract();
  return new Promise((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      const name = header.name.replace(/^\.?\//, '').replace(/\/$/, '');
      out.names.add(name);
      if (header.type === 'symlink' && header.linkname) out.links.set(name, header.linkname);
      const mode = header.mode ?? 0;
      if (header.type !== 'file' || (header.size ?? 0) > MAX_ARTIFACT_BYTES || !wanted(name, entry, mode)) {
        body.on('end', next);
        body.resume();
        return;
      }
      if (mode & 0o111) out.executables.add(name);
      const chunks: Buffer[] = [];
      let first = true;
      let keep = true;
      body.on('data', (chunk: unknown) => {
        const c = chunk as Buffer;
        if (!keep) return;
        if (first) {
          first = false;
          // Executables and libraries are kept only when they are binaries; text files only when named above.
          if (!/os-release$|dpkg\/status$|apk\/db\/installed$|node_version\.h$|WHEEL$/.test(name) && !sniffBinary(c)) keep = false;
        }
        if (keep) chunks.push(c);
      });
      body.on('end', () => {
        if (keep) out.files.set(name, Buffer.concat(chunks));
        next();
      });
      body.on('error', reject);
    });
    extract.on('finish', () => resolve(out));
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
}

function describe(ref: string, inspect: Docker.ImageInspectInfo, env: Record<string, string>, entrypoint: string[], cmd: string[], c: Collected): ImageInfo {
  const text = (p: string) => c.files.get(p)?.toString('utf8');
  const osReleaseText = text('etc/os-release') ?? text('usr/lib/os-release');
  const osRelease = osReleaseText ? parseOsRelease(osReleaseText) : undefined;
  const distro = osRelease?.ID ? distroFromOsRelease(osRelease.ID, osRelease.VERSION_ID) : undefined;

  const dpkg = text('var/lib/dpkg/status');
  const apk = text('lib/apk/db/installed');
  const rpm = [...c.names].some((n) => /^(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\//.test(n));
  const packages: Record<string, string> = {};
  if (dpkg) {
    for (const block of dpkg.split(/\n\n+/)) {
      const name = /^Package: (.+)$/m.exec(block)?.[1];
      const status = /^Status: (.+)$/m.exec(block)?.[1];
      const version = /^Version: (.+)$/m.exec(block)?.[1];
      if (name && status?.endsWith(' installed')) packages[name.split(':')[0]] = version ?? '';
    }
  }
  if (apk) {
    for (const block of apk.split(/\n\n+/)) {
      const name = /^P:(.+)$/m.exec(block)?.[1];
      if (name) packages[name] = /^V:(.+)$/m.exec(block)?.[1] ?? '';
    }
  }

  const libraries = new Set<string>();
  for (const n of c.names) if (LIB_DIR.test(n) && /\.so(\.\d+)*$/.test(n)) libraries.add(n.slice(n.lastIndexOf('/') + 1));

  const libc = libcOf(c, packages, distro?.libcVersion, distro ? `os-release ${osRelease!.ID} ${osRelease!.VERSION_ID ?? ''}`.trim() : undefined);

  const artifacts: NativeArtifact[] = [];
  const wheels: WheelArtifact[] = [];
  for (const [name, bytes] of [...c.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (/\.dist-info\/WHEEL$/.test(name)) {
      const needs = parseWheelFile(bytes.toString('utf8'));
      if (needs.length) wheels.push({ location: { image: ref, path: '/' + name }, name: name.split('/').slice(-2)[0].replace(/\.dist-info$/, ''), needs });
      continue;
    }
    const format = sniffBinary(bytes);
    if (!format) continue;
    const prebuild = parsePrebuildPath(name);
    try {
      const elf = format === 'elf' ? readElf(bytes) : undefined;
      const nodeAbi = name.endsWith('.node') ? nodeModuleVersion(bytes) : undefined;
      artifacts.push({ location: { image: ref, path: '/' + name }, format, ...(elf ? { elf } : {}), ...(prebuild ? { prebuild } : {}), ...(nodeAbi ? { nodeAbi } : {}) });
    } catch { /* malformed ELF: not judged */ }
  }

  const runtimes: Record<string, string> = {};
  const envVersion: [string, string][] = [['node', 'NODE_VERSION'], ['python', 'PYTHON_VERSION'], ['go', 'GOLANG_VERSION'], ['java', 'JAVA_VERSION'], ['ruby', 'RUBY_VERSION'], ['php', 'PHP_VERSION'], ['dotnet', 'DOTNET_VERSION']];
  for (const [rt, key] of envVersion) {
    const m = env[key] && /(\d+(?:\.\d+)*)/.exec(env[key].replace(/^jdk-?/, ''));
    if (m) runtimes[rt] = m[1];
  }
  const nodeH = text('usr/local/include/node/node_version.h');
  if (!runtimes.node && nodeH) {
    const v = ['MAJOR', 'MINOR', 'PATCH'].map((k) => new RegExp(`NODE_${k}_VERSION (\\d+)`).exec(nodeH)?.[1]);
    if (v[0]) runtimes.node = v.filter(Boolean).join('.');
  }
  if (!runtimes.python) {
    const py = [...c.names].map((n) => /^usr\/(?:local\/)?lib\/python(3\.\d+)\/?$/.exec(n)?.[1]).filter(Boolean).sort().pop();
    if (py) runtimes.python = py;
  }
  if (!runtimes.node && packages.nodejs) runtimes.node = packages.nodejs.replace(/^\d+:/, '').split(/[-~+]/)[0];

  const exposed = Object.keys((inspect.Config?.ExposedPorts as Record<string, unknown> | undefined) ?? {}).map((p) => parseInt(p, 10)).filter((n) => Number.isInteger(n)).sort((a, b) => a - b);
  return {
    ref,
    os: inspect.Os ?? 'linux',
    arch: normalizeArch(inspect.Architecture ?? 'amd64'),
    user: inspect.Config?.User ?? '',
    env,
    exposedPorts: exposed,
    entrypoint,
    cmd,
    ...(osRelease ? { osRelease } : {}),
    ...(distro ? { distro: distro.id } : {}),
    libc,
    packageDb: dpkg ? 'dpkg' : apk ? 'apk' : rpm ? 'rpm' : 'none',
    packages: Object.keys(packages).sort(),
    libraries: [...libraries].sort(),
    hasZoneinfo: [...c.names].some((n) => n.startsWith('usr/share/zoneinfo/')),
    runtimes,
    artifacts,
    wheels,
  };
}

function libcOf(c: Collected, packages: Record<string, string>, distroVersion: string | undefined, distroSource: string | undefined): LibcInfo {
  const loaders = [...c.names].filter((n) => /^(lib|lib64|usr\/lib|usr\/lib64)\/ld-(musl|linux)[-\w.]*\.so\.\d$/.test(n)).sort();
  const musl = loaders.find((n) => n.includes('ld-musl'));
  const glibc = loaders.find((n) => n.includes('ld-linux'));
  if (musl) {
    const v = (packages.musl ?? '').split(/[-~+]/)[0] || undefined;
    return { family: 'musl', ...(v ? { version: v } : {}), source: '/' + musl };
  }
  if (glibc) {
    const fromPkg = (packages.libc6 ?? packages.glibc ?? '').match(/^(\d+\.\d+)/)?.[1];
    const fromFile = [...c.names].map((n) => /\/libc-(\d+\.\d+)\.so$/.exec(n)?.[1]).find(Boolean);
    const version = fromPkg ?? fromFile ?? distroVersion;
    const how = fromPkg ? ' (dpkg libc6)' : fromFile ? ' (libc-<version>.so)' : distroSource ? ` (${distroSource})` : '';
    return { family: 'glibc', ...(version ? { version } : {}), source: `/${glibc}${how}` };
  }
  return { family: 'unknown', source: 'no libc loader in the image (static or scratch)' };
}
