// RunConstraints → the Engine API's container settings. Kubernetes semantics kept where Docker differs:
// no swap beyond the memory limit; emptyDirs are exec-able tmpfs mounts (Docker's default is noexec);
// privileged ports stay privileged (Docker ≥ 20.10 sets net.ipv4.ip_unprivileged_port_start=0 in every
// container, Kubernetes runtimes do not, so that sysctl is put back to 1024 unless the pod sets it).
// An emptyDir is writable by the pod's user; runc gives a tmpfs on an existing image folder that folder's
// mode (often root 0755), so the tmpfs is owned by the user (and fsGroup) the container runs as.
import type { RunConstraints } from '../../core/twin/constraints';

export interface ConstrainedSettings {
  User?: string;
  HostConfig: {
    ReadonlyRootfs?: boolean;
    Tmpfs?: Record<string, string>;
    CapDrop?: string[];
    CapAdd?: string[];
    SecurityOpt?: string[];
    Memory?: number;
    MemorySwap?: number;
    NanoCpus?: number;
    Privileged?: boolean;
    Sysctls?: Record<string, string>;
  };
}

/** `imageUser`: the image's Config.User, whose numeric uid owns the tmpfs mounts when runAsUser is unset. */
export function constrainedSettings(c: RunConstraints, imageUser = ''): ConstrainedSettings {
  const host: ConstrainedSettings['HostConfig'] = {};
  if (c.readOnlyRoot) host.ReadonlyRootfs = true;
  // emptyDirs are writable whatever the root: tmpfs at the same path, world-writable like an emptyDir
  // owned by fsGroup, with its sizeLimit.
  const [imageUid, imageGid] = imageUser.split(':').map((x) => (/^\d+$/.test(x) ? Number(x) : undefined));
  const uid = c.user?.uid ?? imageUid;
  const gid = c.fsGroup ?? c.user?.gid ?? imageGid;
  const owner = [...(uid !== undefined ? [`uid=${uid}`] : []), ...(gid !== undefined ? [`gid=${gid}`] : [])];
  if (c.writable.length) host.Tmpfs = Object.fromEntries(c.writable.map((w) => [w.path, ['rw', 'exec', 'nosuid', 'nodev', 'mode=1777', ...owner, ...(w.sizeBytes ? [`size=${w.sizeBytes}`] : [])].join(',')]));
  const caps = (list: string[]) => list.map((x) => x.toUpperCase().replace(/^CAP_/, ''));
  if (c.capDrop.length) host.CapDrop = caps(c.capDrop);
  if (c.capAdd.length) host.CapAdd = caps(c.capAdd);
  const opts: string[] = [];
  if (c.noNewPrivileges) opts.push('no-new-privileges:true');
  if (c.seccomp === 'Unconfined') opts.push('seccomp=unconfined');
  if (opts.length) host.SecurityOpt = opts;
  if (c.limits.memoryBytes) {
    host.Memory = c.limits.memoryBytes;
    host.MemorySwap = c.limits.memoryBytes;
  }
  if (c.limits.nanoCpus) host.NanoCpus = c.limits.nanoCpus;
  if (c.privileged) host.Privileged = true;
  host.Sysctls = { 'net.ipv4.ip_unprivileged_port_start': '1024', ...c.sysctls };
  const user = c.user?.uid !== undefined ? `${c.user.uid}${c.user.gid !== undefined ? `:${c.user.gid}` : ''}` : undefined;
  return { ...(user ? { User: user } : {}), HostConfig: host };
}
