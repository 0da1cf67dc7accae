// Kubernetes manifests → RunConstraints for one app's container. The workload is the app's Deployment
// (else another workload kind) whose name or container names the app; with one workload, that one. The
// container is the one named like the app, else the first. ConfigMap data and Secret key lists from the
// same files resolve env references (see pod-env.ts).
import { parseAllDocuments, LineCounter, type Document } from 'yaml';
import { asRecord, asString } from '../parse/structured';
import { dig, locate } from '../manifests/kube';
import { memoryBytes, nanoCpus } from './quantity';
import type { EnvFromRef, EnvRef, ProbeAction, ProbeKind, ProbeSpec, RunConstraints, WritableMount } from './constraints';

export interface ManifestText { file: string; text: string }

export interface ManifestData {
  /** ConfigMap name → key → value. */
  configMaps: Record<string, Record<string, string>>;
  /** Secret name → keys (values are never read: they come from .env). */
  secretKeys: Record<string, string[]>;
}

export interface ReadConstraints { constraints?: RunConstraints; data: ManifestData; errors: string[] }

const KIND_RANK = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Job', 'CronJob', 'ReplicaSet'];
type At = (path: (string | number)[]) => number | undefined;

interface Candidate { file: string; kind: string; name: string; obj: Record<string, unknown>; podPath: string[]; at: At; line: number }

export function constraintsFromManifests(files: ManifestText[], appName: string, generated: boolean): ReadConstraints {
  const data: ManifestData = { configMaps: {}, secretKeys: {} };
  const errors: string[] = [];
  const workloads: Candidate[] = [];
  for (const { file, text } of files) {
    const lc = new LineCounter();
    let docs: Document[];
    try {
      docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false }) as Document[];
    } catch (err) {
      errors.push(`${file}: invalid YAML: ${String(err).split('\n')[0]}`);
      continue;
    }
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length) {
        errors.push(`${file}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
        continue;
      }
      const obj = asRecord(doc.toJS({ maxAliasCount: 100 }));
      const kind = asString(obj?.kind);
      if (!obj || !kind) continue;
      const name = asString(asRecord(obj.metadata)?.name) ?? '';
      if (kind === 'ConfigMap') data.configMaps[name] = stringValues(obj.data);
      else if (kind === 'Secret') data.secretKeys[name] = [...new Set([...Object.keys(asRecord(obj.data) ?? {}), ...Object.keys(asRecord(obj.stringData) ?? {})])].sort();
      else if (KIND_RANK.includes(kind)) {
        const podPath = kind === 'Pod' ? [] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
        const at: At = (p) => locate(doc, lc, p)?.line;
        workloads.push({ file, kind, name, obj, podPath, at, line: at(['kind']) ?? 1 });
      }
    }
  }
  const want = appName.toLowerCase();
  const containersOf = (w: Candidate) => (dig(w.obj, [...w.podPath, 'spec', 'containers']) as unknown[] | undefined) ?? [];
  const names = (w: Candidate) => containersOf(w).map((c) => (asString(asRecord(c)?.name) ?? '').toLowerCase());
  const mine = workloads.filter((w) => w.name.toLowerCase() === want || names(w).includes(want));
  const pool = mine.length ? mine : workloads.length === 1 ? workloads : [];
  const picked = [...pool].sort((a, b) => KIND_RANK.indexOf(a.kind) - KIND_RANK.indexOf(b.kind))[0];
  if (!picked) return { data, errors };
  const list = containersOf(picked);
  const index = Math.max(0, names(picked).indexOf(want));
  if (!list.length) return { data, errors: [...errors, `${picked.file}: ${picked.kind} ${picked.name} has no containers`] };
  return { constraints: readPod(picked, index, generated), data, errors };
}

function readPod(w: Candidate, index: number, generated: boolean): RunConstraints {
  const specPath = [...w.podPath, 'spec'];
  const spec = asRecord(dig(w.obj, specPath)) ?? {};
  const cPath = [...specPath, 'containers', index];
  const c = asRecord(dig(w.obj, cPath)) ?? {};
  const podSec = asRecord(spec.securityContext) ?? {};
  const sec = asRecord(c.securityContext) ?? {};
  const pick = <T>(key: string, test: (v: unknown) => v is T): T | undefined => (test(sec[key]) ? sec[key] : test(podSec[key]) ? podSec[key] : undefined);
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const notes: string[] = [];

  const uid = pick('runAsUser', isNum);
  const gid = pick('runAsGroup', isNum);
  const caps = asRecord(sec.capabilities) ?? {};
  const seccomp = asString(asRecord(sec.seccompProfile)?.type) ?? asString(asRecord(podSec.seccompProfile)?.type);
  if (seccomp === 'Localhost') notes.push('seccompProfile Localhost: the node\'s profile file is not available here; the engine\'s default profile applies');

  const volumes = new Map<string, Record<string, unknown>>();
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    const rec = asRecord(v);
    const name = asString(rec?.name);
    if (rec && name) volumes.set(name, rec);
  }
  const writable: WritableMount[] = [];
  for (const m of Array.isArray(c.volumeMounts) ? c.volumeMounts : []) {
    const mount = asRecord(m) ?? {};
    const path = asString(mount.mountPath);
    const volume = asString(mount.name) ?? '';
    const vol = volumes.get(volume);
    if (!path || !vol) continue;
    const emptyDir = asRecord(vol.emptyDir);
    if (emptyDir || vol.emptyDir === null) {
      const medium = asString(emptyDir?.medium);
      writable.push({ path, volume, sizeBytes: memoryBytes(emptyDir?.sizeLimit), kind: medium === 'Memory' ? 'emptyDir (Memory)' : 'emptyDir' });
    } else if (vol.persistentVolumeClaim || vol.ephemeral) {
      if (mount.readOnly !== true) writable.push({ path, volume, kind: vol.persistentVolumeClaim ? 'persistentVolumeClaim' : 'ephemeral volume' });
      notes.push(`${path} (volume ${volume}) is a persistent volume in production; locally a tmpfs whose data goes with the container`);
    } else {
      const what = Object.keys(vol).find((k) => k !== 'name') ?? 'volume';
      notes.push(`${path} (${what} ${volume}) is not mounted locally: the app sees the image's files there`);
    }
  }

  const resources = asRecord(c.resources) ?? {};
  const limits = asRecord(resources.limits) ?? {};
  const requests = asRecord(resources.requests) ?? {};
  const quantity = (v: unknown) => (typeof v === 'number' ? String(v) : asString(v));
  const limitsLine = w.at([...cPath, 'resources', 'limits', 'memory']) ?? w.at([...cPath, 'resources', 'limits']) ?? w.at([...cPath, 'resources']);

  const env: EnvRef[] = [];
  (Array.isArray(c.env) ? c.env : []).forEach((raw, i) => {
    const e = asRecord(raw) ?? {};
    const name = asString(e.name);
    if (!name) return;
    const line = w.at([...cPath, 'env', i, 'name']) ?? w.line;
    const from = asRecord(e.valueFrom);
    const cm = asRecord(from?.configMapKeyRef);
    const secret = asRecord(from?.secretKeyRef);
    const field = asRecord(from?.fieldRef) ?? asRecord(from?.resourceFieldRef);
    if (cm) env.push({ name, line, from: 'configMap', object: asString(cm.name), key: asString(cm.key) ?? name, optional: cm.optional === true });
    else if (secret) env.push({ name, line, from: 'secret', object: asString(secret.name), key: asString(secret.key) ?? name, optional: secret.optional === true });
    else if (field) env.push({ name, line, from: 'field', object: asString(field.fieldPath) ?? asString(field.resource), optional: true });
    else env.push({ name, line, from: 'value', value: typeof e.value === 'number' || typeof e.value === 'boolean' ? String(e.value) : asString(e.value) ?? '', optional: true });
  });
  const envFrom: EnvFromRef[] = [];
  (Array.isArray(c.envFrom) ? c.envFrom : []).forEach((raw, i) => {
    const e = asRecord(raw) ?? {};
    const cm = asRecord(e.configMapRef);
    const secret = asRecord(e.secretRef);
    envFrom.push({ configMap: asString(cm?.name), secret: asString(secret?.name), prefix: asString(e.prefix) ?? '', optional: (cm ?? secret)?.optional === true, line: w.at([...cPath, 'envFrom', i]) ?? w.line });
  });

  const ports = (Array.isArray(c.ports) ? c.ports : []).map((raw, i) => {
    const p = asRecord(raw) ?? {};
    return { name: asString(p.name), containerPort: Number(p.containerPort), line: w.at([...cPath, 'ports', i, 'containerPort']) ?? w.line };
  }).filter((p) => Number.isInteger(p.containerPort) && p.containerPort > 0);
  const probes: ProbeSpec[] = [];
  for (const kind of ['startup', 'readiness', 'liveness'] as ProbeKind[]) {
    const raw = asRecord(c[`${kind}Probe`]);
    if (!raw) continue;
    const action = probeAction(raw, ports);
    const line = w.at([...cPath, `${kind}Probe`]) ?? w.line;
    if (!action) {
      notes.push(`${kind}Probe at line ${line}: its port is not a container port, so it cannot be run locally`);
      continue;
    }
    const num = (k: string, d: number) => (typeof raw[k] === 'number' && (raw[k] as number) >= 0 ? (raw[k] as number) : d);
    probes.push({
      kind, action, line,
      initialDelaySeconds: num('initialDelaySeconds', 0),
      periodSeconds: Math.max(1, num('periodSeconds', 10)),
      timeoutSeconds: Math.max(1, num('timeoutSeconds', 1)),
      failureThreshold: Math.max(1, num('failureThreshold', 3)),
      successThreshold: Math.max(1, num('successThreshold', 1)),
    });
  }
  return {
    manifest: { file: w.file, line: w.line, generated, workload: `${w.kind}/${w.name}`, container: asString(c.name) ?? '' },
    user: uid !== undefined || gid !== undefined ? { uid, gid } : undefined,
    runAsNonRoot: pick('runAsNonRoot', isBool) ?? false,
    fsGroup: isNum(podSec.fsGroup) ? podSec.fsGroup : undefined,
    readOnlyRoot: sec.readOnlyRootFilesystem === true,
    writable,
    capDrop: stringList(caps.drop),
    capAdd: stringList(caps.add),
    noNewPrivileges: sec.allowPrivilegeEscalation === false,
    privileged: sec.privileged === true,
    seccomp,
    sysctls: Object.fromEntries((Array.isArray(podSec.sysctls) ? podSec.sysctls : []).map((s) => [asString(asRecord(s)?.name) ?? '', String(asRecord(s)?.value ?? '')]).filter(([k]) => k)),
    limits: {
      memory: quantity(limits.memory), cpu: quantity(limits.cpu),
      memoryBytes: memoryBytes(limits.memory), nanoCpus: nanoCpus(limits.cpu), line: limitsLine,
    },
    requests: { memory: quantity(requests.memory), cpu: quantity(requests.cpu) },
    env, envFrom, ports, probes, notes,
  };
}

function probeAction(probe: Record<string, unknown>, ports: { name?: string; containerPort: number }[]): ProbeAction | undefined {
  const port = (v: unknown): number | undefined => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
    return ports.find((p) => p.name === v)?.containerPort;
  };
  const http = asRecord(probe.httpGet);
  if (http) {
    const p = port(http.port);
    if (p === undefined) return undefined;
    const headers: Record<string, string> = {};
    for (const h of Array.isArray(http.httpHeaders) ? http.httpHeaders : []) {
      const name = asString(asRecord(h)?.name);
      if (name) headers[name] = String(asRecord(h)?.value ?? '');
    }
    return { type: 'http', path: asString(http.path) ?? '/', port: p, scheme: http.scheme === 'HTTPS' ? 'HTTPS' : 'HTTP', headers };
  }
  const tcp = asRecord(probe.tcpSocket);
  if (tcp) {
    const p = port(tcp.port);
    return p === undefined ? undefined : { type: 'tcp', port: p };
  }
  const grpc = asRecord(probe.grpc);
  if (grpc) {
    const p = port(grpc.port);
    return p === undefined ? undefined : { type: 'grpc', port: p };
  }
  const exec = asRecord(probe.exec);
  const command = stringList(exec?.command);
  return command.length ? { type: 'exec', command } : undefined;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => asString(x)).filter((x): x is string => x !== undefined) : [];
}

function stringValues(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRecord(v) ?? {})) out[k] = typeof val === 'string' ? val : val === null || val === undefined ? '' : String(val);
  return out;
}
