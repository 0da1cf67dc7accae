// Observations of a real container under production's constraints → Findings (the same shape drift uses),
// each with the manifest line as evidence, what the container showed, and the fix.
import type { Evidence, Finding } from '../model';
import { describeProbe, type RunConstraints } from './constraints';
import type { MissingKey } from './pod-env';
import { formatBytes, suggestLimit } from './quantity';
import type { Observation } from './report';
import type { RuntimeRuleId } from './rules';

/** Peak above this share of the limit is a warning even without an OOM kill. */
const NEAR_LIMIT = 0.9;

function finding(id: RuntimeRuleId, severity: Finding['severity'], title: string, message: string, evidence: Evidence[], fix: string, app: string): Finding {
  return { id, severity, title, message, evidence, fix: { text: fix }, app };
}

function at(c: RunConstraints, line: number | undefined, excerpt?: string): Evidence {
  return { file: c.manifest.file, line: line ?? c.manifest.line, ...(excerpt ? { excerpt } : {}) };
}

export function missingKeyFindings(c: RunConstraints, missing: MissingKey[], app: string): Finding[] {
  return missing.map((m) => {
    const what = m.kind === 'secret' ? 'Secret' : 'ConfigMap';
    const title = m.objectMissing ? `${what} ${m.object} is not defined` : `${m.name} has no value: ${what} ${m.object} key ${m.key}`;
    const message = m.objectMissing
      ? `${c.manifest.workload} takes env from ${what} ${m.object}, which no manifest defines: the pod would not start (CreateContainerConfigError).`
      : `${c.manifest.workload} reads ${m.name} from ${what} ${m.object} (key ${m.key}) and nothing provides it${m.kind === 'secret' ? ' in the app\'s .env' : ''}: the pod would not start (CreateContainerConfigError).`;
    const fix = m.kind === 'secret'
      ? `Add ${m.key}=… to ${app === '.' ? '' : `${app}/`}.env for local runs (it stays out of the image and logs), and create it in production: kubectl create secret generic ${m.object} --from-literal=${m.key}=…; or mark the reference optional: true if the app has a default.`
      : `Add ${m.key} to ConfigMap ${m.object}, or mark the reference optional: true.`;
    return finding('SECRET_KEY_MISSING', 'error', title, message, [at(c, m.line, m.name)], fix, app);
  });
}

export function observationFindings(c: RunConstraints | undefined, o: Observation, app: string): Finding[] {
  const out: Finding[] = [];
  const inContainer = (path: string, excerpt: string): Evidence => ({ image: o.container, path, excerpt });
  const writablePaths = c?.writable.map((w) => w.path) ?? [];

  // Writes: group by the folder an emptyDir would cover.
  const byDir = new Map<string, typeof o.writes>();
  for (const w of o.writes) {
    const dir = w.isDir ? w.path : w.path.slice(0, w.path.lastIndexOf('/')) || '/';
    byDir.set(dir, [...(byDir.get(dir) ?? []), w]);
  }
  for (const [dir, writes] of byDir) {
    const paths = writes.map((w) => w.path);
    const isWorkdir = o.workingDir !== undefined && dir === o.workingDir.replace(/\/$/, '');
    const name = (dir.split('/').filter(Boolean).pop() ?? 'data').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';
    const fix = isWorkdir
      ? `The app writes straight into its working directory ${dir}, which holds its code: an emptyDir there would hide the code. Write to a folder of its own (e.g. ${dir}/tmp or /tmp) and mount an emptyDir there:\n  volumeMounts: [{ name: ${name}-tmp, mountPath: ${dir}/tmp }]\n  volumes: [{ name: ${name}-tmp, emptyDir: {} }]`
      : `Mount an emptyDir at ${dir} (it starts empty: anything the image has there is hidden):\n  volumeMounts: [{ name: ${name}, mountPath: ${dir} }]\n  volumes: [{ name: ${name}, emptyDir: {} }]`;
    const refused = writes.some((w) => w.how === 'log');
    const message = refused
      ? `The container's root filesystem is read-only (readOnlyRootFilesystem: true) and ${paths.join(', ')} is not under a writable mount${writablePaths.length ? ` (${writablePaths.join(', ')})` : ''}: the write failed with EROFS.`
      : `Run without constraints, the app changed ${paths.join(', ')}; with readOnlyRootFilesystem: true that write fails (EROFS) unless ${dir} is a writable mount.`;
    out.push(finding('READONLY_WRITE', 'error', `write to ${paths[0]}${paths.length > 1 ? ` (+${paths.length - 1})` : ''} outside the writable mounts`, message,
      [...(c ? [at(c, c.manifest.line, 'readOnlyRootFilesystem: true')] : []), ...writes.map((w) => inContainer(w.path, w.evidence))], fix, app));
  }

  const limit = o.memory.limitBytes;
  const peak = o.memory.peakBytes;
  if (o.oomKilled || (limit && peak && peak >= NEAR_LIMIT * limit && o.running)) {
    const measured = peak !== undefined ? formatBytes(peak) : 'unknown';
    const suggest = suggestLimit(Math.max(peak ?? 0, limit ?? 0));
    const message = o.oomKilled
      ? `The kernel killed the container (OOMKilled, exit ${o.exitCode ?? 137}) at its memory limit ${limit ? formatBytes(limit) : ''}; peak measured ${measured}. Production kills it the same way (OOMKilled, CrashLoopBackOff).`
      : `Memory peaked at ${measured}, ${Math.round((100 * (peak ?? 0)) / (limit ?? 1))} % of the limit ${formatBytes(limit ?? 0)}: one busier moment in production and it is OOM-killed.`;
    const fix = o.oomKilled
      ? `Raise resources.limits.memory above what the app needs: at least ${suggest} (the measured peak ${measured} was cut off by the limit; run \`parity up --no-prod-constraints\` and \`parity report\` to measure the real need), or make the app use less (heap flags such as --max-old-space-size / -Xmx below the limit).`
      : `Raise resources.limits.memory to ${suggest} (measured peak ${measured} + 25 %).`;
    out.push(finding('OOM_LIMIT', o.oomKilled ? 'error' : 'warning', o.oomKilled ? `OOM-killed at the ${c?.limits.memory ?? formatBytes(limit ?? 0)} memory limit` : `memory peak ${measured} is close to the ${c?.limits.memory ?? ''} limit`, message,
      [...(c ? [at(c, c.limits.line, `memory: ${c.limits.memory}`)] : []), inContainer('/', `State.OOMKilled=${o.oomKilled}, peak ${measured}`)], fix, app));
  }

  for (const p of o.probes) {
    if (!p.failed) continue;
    const spec = c?.probes.find((s) => s.kind === p.kind);
    const served = p.servedPaths?.length ? p.servedPaths : undefined;
    const fix = served
      ? `Point ${p.kind}Probe at a path the app serves: ${served.map((s) => `\`${s}\``).join(', ')} (answered 2xx), e.g. httpGet.path: ${served[0]}; or make the app answer ${spec && spec.action.type === 'http' ? spec.action.path : 'the probe'}.`
      : `Make the app answer ${p.target} within ${spec?.timeoutSeconds ?? 1} s, or change ${p.kind}Probe to what it serves (a path, or tcpSocket on its port).`;
    const consequence = p.kind === 'liveness' ? 'Kubernetes would restart the container over and over' : p.kind === 'startup' ? 'Kubernetes would kill the container before it ever counts as started' : 'the pod never becomes Ready and its Service sends it no traffic';
    out.push(finding('PROBE_FAIL', 'error', `${p.kind} probe ${p.target} fails${p.lastError ? `: ${p.lastError}` : ''}`,
      `${p.failures} of ${p.attempts} attempts failed${spec ? ` (failureThreshold ${spec.failureThreshold}, every ${spec.periodSeconds} s)` : ''}: ${consequence}.`,
      [...(c ? [at(c, p.line, spec ? describeProbe(spec) : p.target)] : []), inContainer(p.target, p.lastError ?? 'failed')], fix, app));
  }

  const privileged = o.binds.filter((b) => b.port === undefined || b.port < 1024);
  if (privileged.length) {
    const port = privileged.find((b) => b.port !== undefined)?.port ?? c?.ports.find((p) => p.containerPort < 1024)?.containerPort;
    const portLine = c?.ports.find((p) => p.containerPort === port)?.line;
    out.push(finding('PRIVILEGED_PORT', 'error', `binding port ${port ?? '<1024'} is refused as non-root without NET_BIND_SERVICE`,
      `Ports below 1024 need NET_BIND_SERVICE; the container runs ${c?.user?.uid !== undefined ? `as uid ${c.user.uid}` : 'as non-root'} with capabilities dropped${c?.capDrop.length ? ` (${c.capDrop.join(',')})` : ''}, so the bind fails with EACCES.`,
      [...(c ? [at(c, portLine, port !== undefined ? `containerPort: ${port}` : undefined)] : []), ...privileged.map((b) => inContainer(`:${b.port ?? ''}`, b.line))],
      `Listen on a port ≥ 1024 (e.g. ${port !== undefined && port < 1024 ? 8000 + port : 8080}) and keep the Service's port ${port ?? 80} → targetPort that one; capabilities.add: [NET_BIND_SERVICE] does not help a non-root process (no ambient capabilities); or allow it per pod with securityContext.sysctls net.ipv4.ip_unprivileged_port_start: "0".`, app));
  }
  return out;
}
