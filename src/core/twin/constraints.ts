// What production imposes on one container, read from its Kubernetes workload: user, read-only root and
// the writable mounts, capabilities, privilege escalation, seccomp, limits, env references, ports and
// probes. Plain data with the manifest line of each piece, so `up` can apply it through the Engine API and
// every Finding can point at the line to change. No engine contact here.

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

export type ProbeAction =
  | { type: 'http'; path: string; port: number; scheme: 'HTTP' | 'HTTPS'; headers: Record<string, string> }
  | { type: 'tcp'; port: number }
  | { type: 'exec'; command: string[] }
  | { type: 'grpc'; port: number };

export interface ProbeSpec {
  kind: ProbeKind;
  action: ProbeAction;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  successThreshold: number;
  /** Line of the probe key in the manifest. */
  line: number;
}

/** One `env:` entry: a literal value, or a reference the pod resolves at start. */
export interface EnvRef {
  name: string;
  line: number;
  from: 'value' | 'configMap' | 'secret' | 'field';
  value?: string;
  /** ConfigMap/Secret name, or the fieldRef path. */
  object?: string;
  key?: string;
  optional: boolean;
}

export interface EnvFromRef { configMap?: string; secret?: string; prefix: string; optional: boolean; line: number }

export interface WritableMount {
  path: string;
  volume: string;
  /** `emptyDir.sizeLimit` in bytes. */
  sizeBytes?: number;
  /** What backs it in production: `emptyDir`, `emptyDir (Memory)`, `persistentVolumeClaim`… */
  kind: string;
}

export interface RunConstraints {
  manifest: { file: string; line: number; generated: boolean; workload: string; container: string };
  /** Numeric uid/gid from runAsUser/runAsGroup (container over pod). */
  user?: { uid?: number; gid?: number };
  runAsNonRoot: boolean;
  /** Pod fsGroup: the group that owns emptyDirs. */
  fsGroup?: number;
  readOnlyRoot: boolean;
  /** Mounts production makes writable (emptyDir, PVC): tmpfs at the same path locally. */
  writable: WritableMount[];
  capDrop: string[];
  capAdd: string[];
  noNewPrivileges: boolean;
  privileged: boolean;
  /** `RuntimeDefault`, `Unconfined`, `Localhost` (undefined: not set). */
  seccomp?: string;
  /** Pod `sysctls`, e.g. net.ipv4.ip_unprivileged_port_start. */
  sysctls: Record<string, string>;
  limits: { memory?: string; cpu?: string; memoryBytes?: number; nanoCpus?: number; line?: number };
  requests: { memory?: string; cpu?: string };
  env: EnvRef[];
  envFrom: EnvFromRef[];
  ports: { name?: string; containerPort: number; line: number }[];
  probes: ProbeSpec[];
  /** Parts of the manifest that local runs do not reproduce, said plainly. */
  notes: string[];
}

/** The constraints as short phrases (the Containers view, the report header, `up`'s output). */
export function describeConstraints(c: RunConstraints): string[] {
  const out: string[] = [];
  if (c.user?.uid !== undefined) out.push(`user ${c.user.uid}${c.user.gid !== undefined ? `:${c.user.gid}` : ''}`);
  else if (c.runAsNonRoot) out.push('non-root');
  if (c.readOnlyRoot) out.push(`read-only root${c.writable.length ? ` (writable: ${c.writable.map((w) => w.path).join(', ')})` : ''}`);
  if (c.capDrop.length) out.push(`caps drop ${c.capDrop.join(',')}${c.capAdd.length ? ` add ${c.capAdd.join(',')}` : ''}`);
  if (c.noNewPrivileges) out.push('no-new-privileges');
  if (c.seccomp) out.push(`seccomp ${c.seccomp}`);
  if (c.limits.memory || c.limits.cpu) out.push(`limits ${[c.limits.memory && `memory ${c.limits.memory}`, c.limits.cpu && `cpu ${c.limits.cpu}`].filter(Boolean).join(', ')}`);
  if (c.requests.memory || c.requests.cpu) out.push(`requests ${[c.requests.memory && `memory ${c.requests.memory}`, c.requests.cpu && `cpu ${c.requests.cpu}`].filter(Boolean).join(', ')} (shown, not enforced)`);
  for (const p of c.probes) out.push(`${p.kind} probe ${describeProbe(p)} every ${p.periodSeconds}s ×${p.failureThreshold}`);
  return out;
}

export function describeProbe(p: ProbeSpec): string {
  const a = p.action;
  if (a.type === 'http') return `${a.scheme === 'HTTPS' ? 'HTTPS ' : ''}GET :${a.port}${a.path}`;
  if (a.type === 'tcp') return `TCP :${a.port}`;
  if (a.type === 'grpc') return `gRPC :${a.port}`;
  return `exec ${a.command.join(' ')}`;
}
