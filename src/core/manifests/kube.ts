// Kubernetes objects the drift rules compare against: workloads with their containers (image, env,
// envFrom, ports, probes, securityContext), Services, ConfigMaps/Secrets keys and Namespaces' Pod Security
// labels. Every piece keeps the file and 1-based line it came from, plus the column of container keys so
// edits can be inserted with the right indentation.
import { parseAllDocuments, LineCounter, isMap, isSeq, isScalar, type Document } from 'yaml';
import { asRecord, asString } from '../parse/structured';

export interface Located { file: string; line: number }

export interface KubeContainer {
  name: string;
  image?: string;
  imageLine?: number;
  /** Column (1-based) of the container's keys, for inserted lines. */
  keyColumn: number;
  line: number;
  env: (Located & { name: string; value?: string })[];
  /** Line of the `env:` key and column of its items' keys, when the list is in block style. */
  envBlock?: { line: number; itemKeyColumn: number };
  envFrom: { configMap?: string; secret?: string; prefix?: string }[];
  ports: (Located & { containerPort: number; name?: string })[];
  probes: (Located & { kind: string; port: number | string })[];
  runAsNonRoot?: boolean;
  runAsUser?: number;
}

export interface KubeWorkload extends Located {
  kind: string;
  name: string;
  namespace?: string;
  containers: KubeContainer[];
  podRunAsNonRoot?: boolean;
  podRunAsUser?: number;
  podLabels: Record<string, string>;
}

export interface KubeService extends Located {
  name: string;
  namespace?: string;
  selector: Record<string, string>;
  ports: (Located & { port: number; targetPort: number | string })[];
}

export interface KubeObjects {
  files: string[];
  workloads: KubeWorkload[];
  services: KubeService[];
  /** `ConfigMap/name` and `Secret/name` → keys. */
  data: Record<string, string[]>;
  /** Namespaces whose `pod-security.kubernetes.io/enforce` is `restricted`. */
  restrictedNamespaces: (Located & { name: string })[];
  errors: { file: string; message: string }[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);

export function emptyKube(): KubeObjects {
  return { files: [], workloads: [], services: [], data: {}, restrictedNamespaces: [], errors: [] };
}

/** Looks like a Kubernetes manifest (cheap test before parsing). */
export function looksLikeKube(text: string): boolean {
  return /^\s*apiVersion:/m.test(text) && /^\s*kind:/m.test(text);
}

export function addKubeFile(into: KubeObjects, file: string, text: string): void {
  const lc = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false }) as Document[];
  } catch (err) {
    into.errors.push({ file, message: `invalid YAML: ${String(err).split('\n')[0]}` });
    return;
  }
  if (!Array.isArray(docs)) docs = [docs];
  let used = false;
  for (const doc of docs) {
    if (doc.errors.length) {
      into.errors.push({ file, message: `invalid YAML: ${doc.errors[0].message.split('\n')[0]}` });
      continue;
    }
    let obj: Record<string, unknown> | undefined;
    try {
      obj = asRecord(doc.toJS({ maxAliasCount: 100 }));
    } catch (err) {
      into.errors.push({ file, message: `unreadable YAML: ${String((err as Error).message ?? err).split('\n')[0]}` });
      continue;
    }
    const kind = asString(obj?.kind);
    if (!obj || !kind) continue;
    used = true;
    const at = (path: (string | number)[]) => locate(doc, lc, path);
    const meta = asRecord(obj.metadata) ?? {};
    const name = asString(meta.name) ?? '';
    const namespace = asString(meta.namespace);
    const line = at(['kind'])?.line ?? 1;
    if (WORKLOAD_KINDS.has(kind)) {
      const podPath = kind === 'Pod' ? [] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
      const pod = asRecord(dig(obj, podPath)) ?? {};
      const specPath = [...podPath, 'spec'];
      const spec = asRecord(dig(obj, specPath)) ?? {};
      const podSec = asRecord(spec.securityContext) ?? {};
      const containers: KubeContainer[] = [];
      for (const key of ['initContainers', 'containers']) {
        const list = Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [];
        list.forEach((raw, idx) => {
          if (key === 'initContainers') return; // init containers finish before the app starts: not compared
          const c = asRecord(raw) ?? {};
          const cPath = [...specPath, key, idx];
          containers.push(readContainer(file, c, cPath, at));
        });
      }
      into.workloads.push({
        file, line, kind, name, namespace, containers,
        podRunAsNonRoot: typeof podSec.runAsNonRoot === 'boolean' ? podSec.runAsNonRoot : undefined,
        podRunAsUser: typeof podSec.runAsUser === 'number' ? podSec.runAsUser : undefined,
        podLabels: stringMap(asRecord(pod.metadata)?.labels),
      });
    } else if (kind === 'Service') {
      const spec = asRecord(obj.spec) ?? {};
      const ports = (Array.isArray(spec.ports) ? spec.ports : []).map((raw, idx) => {
        const p = asRecord(raw) ?? {};
        const port = Number(p.port);
        const target = p.targetPort === undefined ? port : typeof p.targetPort === 'number' ? p.targetPort : String(p.targetPort);
        const l = at(['spec', 'ports', idx, p.targetPort === undefined ? 'port' : 'targetPort'])?.line ?? line;
        return { file, line: l, port, targetPort: /^\d+$/.test(String(target)) ? Number(target) : target };
      });
      into.services.push({ file, line, name, namespace, selector: stringMap(spec.selector), ports });
    } else if (kind === 'ConfigMap' || kind === 'Secret') {
      const keys = new Set([...Object.keys(asRecord(obj.data) ?? {}), ...Object.keys(asRecord(obj.stringData) ?? {}), ...Object.keys(asRecord(obj.binaryData) ?? {})]);
      into.data[`${kind}/${name}`] = [...keys].sort();
    } else if (kind === 'Namespace') {
      const labels = stringMap(meta.labels);
      if (labels['pod-security.kubernetes.io/enforce'] === 'restricted') into.restrictedNamespaces.push({ file, line, name });
    }
  }
  if (used) into.files.push(file);
}

function readContainer(file: string, c: Record<string, unknown>, cPath: (string | number)[], at: (p: (string | number)[]) => { line: number; col: number } | undefined): KubeContainer {
  const nameLoc = at([...cPath, 'name']) ?? at(cPath) ?? { line: 1, col: 1 };
  const sec = asRecord(c.securityContext) ?? {};
  const env = (Array.isArray(c.env) ? c.env : []).map((raw, i) => ({ file, line: at([...cPath, 'env', i, 'name'])?.line ?? nameLoc.line, name: asString(asRecord(raw)?.name) ?? '', value: asString(asRecord(raw)?.value) })).filter((e) => e.name);
  const firstEnvKey = at([...cPath, 'env', 0, 'name']);
  const envKey = at([...cPath, 'env']);
  const ports = (Array.isArray(c.ports) ? c.ports : []).map((raw, i) => {
    const p = asRecord(raw) ?? {};
    return { file, line: at([...cPath, 'ports', i, 'containerPort'])?.line ?? nameLoc.line, containerPort: Number(p.containerPort), name: asString(p.name) };
  }).filter((p) => Number.isInteger(p.containerPort));
  const probes: KubeContainer['probes'] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = asRecord(c[kind]);
    for (const how of ['httpGet', 'tcpSocket', 'grpc']) {
      const port = asRecord(probe?.[how])?.port;
      if (port === undefined) continue;
      probes.push({ file, line: at([...cPath, kind, how, 'port'])?.line ?? nameLoc.line, kind, port: typeof port === 'number' ? port : /^\d+$/.test(String(port)) ? Number(port) : String(port) });
    }
  }
  return {
    name: asString(c.name) ?? '',
    image: asString(c.image),
    imageLine: at([...cPath, 'image'])?.line,
    keyColumn: nameLoc.col,
    line: nameLoc.line,
    env,
    envBlock: envKey && firstEnvKey ? { line: envKey.line, itemKeyColumn: firstEnvKey.col } : undefined,
    envFrom: (Array.isArray(c.envFrom) ? c.envFrom : []).map((raw) => {
      const e = asRecord(raw) ?? {};
      return { configMap: asString(asRecord(e.configMapRef)?.name), secret: asString(asRecord(e.secretRef)?.name), prefix: asString(e.prefix) };
    }),
    ports,
    probes,
    runAsNonRoot: typeof sec.runAsNonRoot === 'boolean' ? sec.runAsNonRoot : undefined,
    runAsUser: typeof sec.runAsUser === 'number' ? sec.runAsUser : undefined,
  };
}

export function dig(obj: unknown, path: (string | number)[]): unknown {
  let cur = obj;
  for (const k of path) cur = (cur as Record<string | number, unknown> | undefined)?.[k];
  return cur;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRecord(v) ?? {})) if (asString(val) !== undefined) out[k] = asString(val)!;
  return out;
}

/** Line and column (1-based) of the key at `path` (or of the item, for a list index). */
export function locate(doc: Document, lc: LineCounter, path: (string | number)[]): { line: number; col: number } | undefined {
  let node: unknown = doc.contents;
  let pos: { line: number; col: number } | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
      pos = lc.linePos(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (!item?.range) return undefined;
      pos = lc.linePos(item.range[0]);
      node = item;
    } else return undefined;
  }
  return pos;
}
