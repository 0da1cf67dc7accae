// Reads what a container did: memory (cgroup v1 max_usage; on cgroup v2, the highest sample seen), CPU
// throttling, exit code and OOM kill, EROFS/EACCES lines of its log, and — when the root was writable —
// the filesystem changes outside the manifest's writable mounts. Together with the probe log this is the
// report; its Findings come from the engine (src/core/twin/findings.ts).
import type Docker from 'dockerode';
import { describeConstraints, type RunConstraints } from '../../core/twin/constraints';
import { observationFindings } from '../../core/twin/findings';
import { scanLogs } from '../../core/twin/log-scan';
import type { Observation, ProbeResult, TwinReport, WriteAttempt } from '../../core/twin/report';
import { lastLogLines } from '../logs';
import { LABEL_APP } from '../labels';
import { LABEL_APP_PATH, LABEL_CONSTRAINTS, workingSet, type MemoryStats } from './labels';

interface StatsSample {
  memory_stats?: MemoryStats;
  cpu_stats?: { throttling_data?: { periods?: number; throttled_periods?: number; throttled_time?: number } };
}

export class ResourceWatch {
  peakBytes: number | undefined;
  currentBytes: number | undefined;
  cpu = { periods: 0, throttledPeriods: 0, throttledMs: 0 };

  /** One stats sample (one-shot: no 1 s wait for a second CPU sample); silent when the container is gone. */
  async sample(docker: Docker, id: string): Promise<void> {
    let s: StatsSample;
    try {
      s = (await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as { stream: false })) as StatsSample;
    } catch {
      return;
    }
    const m = s.memory_stats;
    if (m?.usage !== undefined) {
      this.currentBytes = workingSet(m);
      const peak = Math.max(m.max_usage ?? 0, m.usage);
      this.peakBytes = Math.max(this.peakBytes ?? 0, peak);
    }
    const t = s.cpu_stats?.throttling_data;
    if (t?.periods) this.cpu = { periods: t.periods, throttledPeriods: t.throttled_periods ?? 0, throttledMs: (t.throttled_time ?? 0) / 1e6 };
  }
}

export function readLabels(labels: Record<string, string>): { constraints?: RunConstraints; appPath: string } {
  let constraints: RunConstraints | undefined;
  try {
    constraints = labels[LABEL_CONSTRAINTS] ? (JSON.parse(labels[LABEL_CONSTRAINTS]) as RunConstraints) : undefined;
  } catch {
    constraints = undefined;
  }
  return { constraints, appPath: labels[LABEL_APP_PATH] ?? '.' };
}

export interface ReportInput {
  /** Constraints applied at start (undefined: run unconstrained), and the manifest's when known. */
  applied?: RunConstraints;
  manifest?: RunConstraints;
  appPath: string;
  probes: ProbeResult[];
  watch: ResourceWatch;
}

export async function buildReport(docker: Docker, id: string, input: ReportInput): Promise<TwinReport> {
  const container = docker.getContainer(id);
  const info = await container.inspect();
  if (info.State.Running) await input.watch.sample(docker, id);
  const logs = await lastLogLines(docker, id, 2000).catch(() => [] as string[]);
  const scanned = scanLogs(logs, info.Config.WorkingDir || '/');
  const writes: WriteAttempt[] = scanned.writes.map((w) => ({ path: w.path, how: 'log', evidence: w.line, isDir: w.isDir }));
  const c = input.manifest ?? input.applied;
  if (c?.readOnlyRoot && !info.HostConfig.ReadonlyRootfs) writes.push(...(await changedOutside(container, c)));
  const memoryLimit = info.HostConfig.Memory || undefined;
  const observation: Observation = {
    app: info.Config.Labels?.[LABEL_APP] ?? info.Name.replace(/^\//, ''),
    container: info.Name.replace(/^\//, ''),
    image: info.Config.Image,
    workingDir: info.Config.WorkingDir || undefined,
    constrained: input.applied !== undefined,
    running: info.State.Running,
    exitCode: info.State.Running ? undefined : info.State.ExitCode,
    oomKilled: info.State.OOMKilled,
    memory: { peakBytes: input.watch.peakBytes, currentBytes: input.watch.currentBytes, limitBytes: memoryLimit },
    cpu: input.watch.cpu,
    probes: input.probes,
    writes,
    binds: c && c.user?.uid !== 0 ? scanned.binds : [],
  };
  return { ...observation, constraints: input.applied ? describeConstraints(input.applied) : [], findings: observationFindings(c, observation, input.appPath) };
}

/** `docker diff` of a writable-root run: leaf paths changed outside the manifest's writable mounts. */
async function changedOutside(container: Docker.Container, c: RunConstraints): Promise<WriteAttempt[]> {
  let changes: { Path: string; Kind: number }[] | null;
  try {
    changes = (await container.changes()) as { Path: string; Kind: number }[] | null;
  } catch {
    return [];
  }
  const list = changes ?? [];
  const under = (p: string, dir: string) => p === dir || p.startsWith(dir.replace(/\/$/, '') + '/');
  const leaves = list.filter((x) => !list.some((y) => y !== x && under(y.Path, x.Path)));
  return leaves
    .filter((x) => !c.writable.some((w) => under(x.Path, w.path)))
    .slice(0, 20)
    .map((x) => ({ path: x.Path, how: 'diff' as const, evidence: `${['C', 'A', 'D'][x.Kind] ?? '?'} ${x.Path}` }));
}
