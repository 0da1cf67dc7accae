// The prod-twin part of `up`: the container settings and labels from the manifest's constraints, the
// pre-start check Kubernetes does (runAsNonRoot against the image's user), and the wait for readiness
// through the manifest's own probes while memory is sampled, ending in a report.
import type Docker from 'dockerode';
import type { Finding } from '../../core/model';
import type { RunConstraints } from '../../core/twin/constraints';
import type { TwinReport } from '../../core/twin/report';
import { constrainedSettings, type ConstrainedSettings } from './apply';
import { buildReport, ResourceWatch } from './observe';
import { LABEL_APP_PATH, LABEL_CONSTRAINED, LABEL_CONSTRAINTS } from './labels';
import { ProbeLog, probeUntilReady, type ProbeOutcome } from './probes';
import type { Readiness } from '../readiness';

export interface TwinOptions {
  /** The manifest's constraints (also recorded on unconstrained runs, so the report can compare). */
  constraints: RunConstraints;
  /** false: `--no-prod-constraints` — nothing applied, the report still compares against the manifest. */
  apply: boolean;
  appPath: string;
  /** HTTP paths to try when an HTTP probe fails (the detected health path, common ones). */
  candidatePaths: string[];
}

export function twinCreateSettings(t: TwinOptions, imageUser: string): { settings: ConstrainedSettings | undefined; labels: Record<string, string>; ports: number[] } {
  const ports = t.apply ? t.constraints.probes.flatMap((p) => ('port' in p.action ? [p.action.port] : [])) : [];
  return {
    settings: t.apply ? constrainedSettings(t.constraints, imageUser) : undefined,
    labels: { [LABEL_CONSTRAINTS]: JSON.stringify(t.constraints), [LABEL_APP_PATH]: t.appPath, [LABEL_CONSTRAINED]: String(t.apply) },
    ports,
  };
}

/** Kubernetes refuses to start a runAsNonRoot container whose user is root or not numeric. */
export function nonRootFinding(c: RunConstraints, imageUser: string, appPath: string): Finding | undefined {
  if (!c.runAsNonRoot) return undefined;
  const uid = c.user?.uid;
  if (uid !== undefined) {
    if (uid !== 0) return undefined;
  } else {
    const user = imageUser.split(':')[0];
    if (/^\d+$/.test(user) && user !== '0') return undefined;
  }
  const why = uid === 0 ? 'runAsUser: 0 with runAsNonRoot: true' : imageUser === '' || /^(root|0)(:|$)/.test(imageUser) ? 'the image runs as root' : `the image's USER ${imageUser} is not numeric, so Kubernetes cannot verify it is non-root`;
  return {
    id: 'ROOT_USER', severity: 'error', app: appPath,
    title: 'runAsNonRoot: the pod would not start',
    message: `${c.manifest.workload} sets runAsNonRoot: true and ${why}: the kubelet refuses to create the container (CreateContainerConfigError).`,
    evidence: [{ file: c.manifest.file, line: c.manifest.line, excerpt: 'runAsNonRoot: true' }],
    fix: { text: 'Set a numeric USER (e.g. USER 10001) in the Dockerfile, or runAsUser: <non-zero uid> in the securityContext.' },
  };
}

export interface TwinWait { outcome: ProbeOutcome | 'exited'; report: TwinReport; readiness?: Readiness }

/** Waits for readiness through the manifest's probes (or `fallback` when it has none), sampling memory. */
export async function waitTwin(
  docker: Docker, id: string, t: TwinOptions, hostPorts: Record<number, number>,
  opts: { timeoutMs: number; signal?: AbortSignal; fallback: () => Promise<Readiness> },
): Promise<TwinWait> {
  const watch = new ResourceWatch();
  const log = new ProbeLog();
  let running = true;
  const alive = async () => {
    await watch.sample(docker, id);
    const state = (await docker.getContainer(id).inspect()).State;
    running = state.Running;
    return running;
  };
  let outcome: ProbeOutcome | 'exited';
  let readiness: Readiness | undefined;
  // Sampled often: after an OOM kill the cgroup (and its max_usage) is gone.
  const sampler = setInterval(() => void watch.sample(docker, id), 200);
  try {
    if (t.apply && t.constraints.probes.length) {
      outcome = await probeUntilReady({ docker, containerId: id, hostPorts }, t.constraints.probes, log, { timeoutMs: opts.timeoutMs, signal: opts.signal, alive, candidatePaths: t.candidatePaths });
    } else {
      readiness = await opts.fallback();
      outcome = readiness.ok ? 'ready' : readiness.reason === 'cancelled' ? 'cancelled' : readiness.reason === 'timeout' ? 'timeout' : 'failed';
    }
  } finally {
    clearInterval(sampler);
  }
  if (outcome === 'ready') await alive();
  if (outcome === 'stopped' || !running) outcome = 'exited';
  const report = await buildReport(docker, id, { applied: t.apply ? t.constraints : undefined, manifest: t.constraints, appPath: t.appPath, probes: log.list(), watch });
  return { outcome, report, readiness };
}
