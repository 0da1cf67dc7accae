// The developer's machine: OS (os-release), CPU architecture, libc family and version, and the runtime
// versions on PATH. Commands run with execFile (no shell), argument arrays and short timeouts, in parallel.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { normalizeArch } from '../core/config';
import { distroFromOsRelease, parseOsRelease } from '../core/platform/distros';
import type { HostInfo, LibcInfo } from '../core/drift/types';
import { ECOSYSTEM_MODULES } from '../core/ecosystems';

const TIMEOUT_MS = 5000;

function run(cmd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: TIMEOUT_MS, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      const text = `${stdout ?? ''}\n${stderr ?? ''}`.trim();
      // musl's loader prints its version and exits 1; treat any output as an answer.
      resolve(text || (err ? undefined : ''));
    });
  });
}

/** Runtimes whose version is read from the binary on PATH: each ecosystem module's host facts. */
const RUNTIMES = ECOSYSTEM_MODULES.flatMap((m) => (m.host ? [{ name: m.id, cmd: m.host.binary, args: m.host.args, re: m.host.version }] : []));

export async function probeHost(): Promise<HostInfo> {
  const osRelease = readOsRelease();
  const [libc, ...versions] = await Promise.all([probeLibc(), ...RUNTIMES.map((r) => run(r.cmd, r.args))]);
  const runtimes: Record<string, string> = { node: process.versions.node };
  RUNTIMES.forEach((r, i) => {
    const m = versions[i] ? r.re.exec(versions[i]!) : null;
    if (m) runtimes[r.name] = m[1];
  });
  const id = osRelease.ID ?? process.platform;
  const distro = osRelease.ID ? distroFromOsRelease(osRelease.ID, osRelease.VERSION_ID) : undefined;
  return {
    os: { id, versionId: osRelease.VERSION_ID, prettyName: osRelease.PRETTY_NAME },
    ...(distro ? { distro: distro.id } : {}),
    arch: normalizeArch(process.arch),
    libc,
    runtimes,
  };
}

function readOsRelease(): Record<string, string> {
  for (const f of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return parseOsRelease(fs.readFileSync(f, 'utf8'));
    } catch { /* try the next */ }
  }
  return {};
}

async function probeLibc(): Promise<LibcInfo> {
  if (process.platform !== 'linux') return { family: 'unknown', source: `platform ${process.platform}` };
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  if (header?.glibcVersionRuntime) return { family: 'glibc', version: header.glibcVersionRuntime, source: 'Node process report (gnu_get_libc_version)' };
  const loader = ['/lib/ld-musl-x86_64.so.1', '/lib/ld-musl-aarch64.so.1'].find((f) => fs.existsSync(f));
  if (loader) {
    const out = await run(loader, []);
    return { family: 'musl', version: /Version ([\d.]+)/.exec(out ?? '')?.[1], source: loader };
  }
  const ldd = await run('ldd', ['--version']);
  const m = /(GLIBC|GNU libc)[^\n]*?(\d+\.\d+)/i.exec(ldd ?? '');
  if (m) return { family: 'glibc', version: m[2], source: 'ldd --version' };
  return { family: 'unknown', source: 'no glibc report, no musl loader' };
}
