// The production target's CPU architecture against the engine's: the same → nothing to do; different and
// the engine's kernel has a binfmt (qemu) handler for it → build and run for that platform; otherwise say
// plainly that the run is on the engine's architecture. The handler check reads this machine's
// /proc/sys/fs/binfmt_misc, so it is only trusted for an engine on a local socket.
import * as fs from 'node:fs';
import { normalizeArch } from '../../core/config';

/** qemu's name for an architecture, as binfmt_misc entries are named (`qemu-aarch64`). */
const QEMU: Record<string, string> = { amd64: 'x86_64', arm64: 'aarch64', arm: 'arm', ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', '386': 'i386' };

export interface PlatformChoice { platform?: string; note?: string }

export function choosePlatform(targetArch: string, engineArch: string, handlers: readonly string[] | undefined): PlatformChoice {
  const want = normalizeArch(targetArch);
  const have = normalizeArch(engineArch);
  if (want === have) return {};
  const handler = `qemu-${QEMU[want] ?? want}`;
  if (handlers?.includes(handler)) return { platform: `linux/${want}`, note: `the production target is linux/${want} and this engine runs ${have}: building and running for linux/${want} through qemu (binfmt ${handler}); timings are emulated` };
  const why = handlers === undefined ? 'and Parity cannot tell whether it emulates other architectures (a remote engine)' : `and cannot emulate it (no binfmt handler ${handler} registered)`;
  return { note: `the production target is linux/${want} but this engine runs ${have} ${why}: running as ${have}, so native code and images are not production's` };
}

/** binfmt_misc handlers of this machine (undefined when the engine is not local). */
export function localBinfmtHandlers(engineIsLocal: boolean): string[] | undefined {
  if (!engineIsLocal) return undefined;
  try {
    return fs.readdirSync('/proc/sys/fs/binfmt_misc').filter((n) => n !== 'register' && n !== 'status');
  } catch {
    return [];
  }
}
