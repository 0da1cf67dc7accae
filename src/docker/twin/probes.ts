// The manifest's probes run the way the kubelet runs them, until the app is Ready or a probe has failed:
// the startup probe first (every periodSeconds after initialDelaySeconds, failed after failureThreshold
// misses in a row), then readiness until successThreshold passes in a row, then one liveness attempt for
// its latency. Without a startup probe, "nothing listening yet" while the app boots does not count as a
// readiness failure (only the overall timeout ends that wait); an answer that is wrong (404, exit 1) does.
import type { ProbeSpec } from '../../core/twin/constraints';
import { describeProbe } from '../../core/twin/constraints';
import type { ProbeResult } from '../../core/twin/report';
import { attempt, httpStatus, type Attempt, type ProbeTarget } from './probe-run';

export type ProbeOutcome = 'ready' | 'failed' | 'stopped' | 'timeout' | 'cancelled';

export interface ProbeLoopOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called between attempts; returns false when the container is no longer running. */
  alive(): Promise<boolean>;
  /** HTTP paths to try when an HTTP probe fails, to say which one the app serves. */
  candidatePaths: string[];
}

export class ProbeLog {
  readonly results = new Map<string, ProbeResult & { latencies: number[] }>();

  record(spec: ProbeSpec, a: Attempt, failedNow: boolean): void {
    const r = this.results.get(spec.kind) ?? { kind: spec.kind, target: describeProbe(spec), line: spec.line, attempts: 0, failures: 0, failed: false, latencyMs: {}, latencies: [] };
    r.attempts++;
    if (!a.ok) {
      r.failures++;
      r.lastError = a.error;
    }
    r.latencies.push(a.latencyMs);
    r.failed = r.failed || failedNow;
    const all = r.latencies;
    r.latencyMs = { last: a.latencyMs, max: Math.max(...all), avg: Math.round(all.reduce((x, y) => x + y, 0) / all.length) };
    this.results.set(spec.kind, r);
  }

  list(): ProbeResult[] {
    return [...this.results.values()].map(({ latencies: _latencies, ...r }) => r);
  }
}

export async function probeUntilReady(t: ProbeTarget, specs: ProbeSpec[], log: ProbeLog, opts: ProbeLoopOptions): Promise<ProbeOutcome> {
  const deadline = Date.now() + opts.timeoutMs;
  const startup = specs.find((s) => s.kind === 'startup');
  const readiness = specs.find((s) => s.kind === 'readiness');
  const liveness = specs.find((s) => s.kind === 'liveness');

  // Runs one probe until `passes` successes in a row (→ true) or failureThreshold counted misses (→ false).
  const until = async (spec: ProbeSpec, passes: number, countUnanswered: boolean): Promise<boolean | ProbeOutcome> => {
    await wait(spec.initialDelaySeconds * 1000, opts.signal);
    let ok = 0, misses = 0;
    for (;;) {
      if (opts.signal?.aborted) return 'cancelled';
      if (!(await opts.alive())) return 'stopped';
      if (Date.now() > deadline) return 'timeout';
      const a = await attempt(t, spec.action, spec.timeoutSeconds);
      if (a.ok) ok++;
      else {
        ok = 0;
        if (a.answered || countUnanswered) misses++;
      }
      const failedNow = misses >= spec.failureThreshold;
      log.record(spec, a, failedNow);
      if (ok >= passes) return true;
      if (failedNow) {
        await findServedPaths(t, spec, log, opts.candidatePaths);
        return false;
      }
      await wait(spec.periodSeconds * 1000 - a.latencyMs, opts.signal);
    }
  };

  if (startup) {
    const r = await until(startup, 1, true);
    if (r !== true) return r === false ? 'failed' : r;
  }
  const gate = readiness ?? liveness;
  if (gate) {
    const r = await until(gate, gate === readiness ? gate.successThreshold : 1, startup !== undefined);
    if (r !== true) return r === false ? 'failed' : r;
  }
  if (liveness && gate !== liveness) log.record(liveness, await attempt(t, liveness.action, liveness.timeoutSeconds), false);
  return 'ready';
}

/** Runs every probe once (for `parity report` on a running app). */
export async function probeOnce(t: ProbeTarget, specs: ProbeSpec[], log: ProbeLog, candidatePaths: string[]): Promise<void> {
  // The kubelet stops running a startup probe once it passed.
  for (const spec of specs.filter((s) => s.kind !== 'startup')) {
    const a = await attempt(t, spec.action, spec.timeoutSeconds);
    log.record(spec, a, !a.ok && a.answered);
    if (!a.ok && a.answered) await findServedPaths(t, spec, log, candidatePaths);
  }
}

async function findServedPaths(t: ProbeTarget, spec: ProbeSpec, log: ProbeLog, candidates: string[]): Promise<void> {
  if (spec.action.type !== 'http') return;
  const hostPort = t.hostPorts[spec.action.port];
  const r = log.results.get(spec.kind);
  if (hostPort === undefined || !r) return;
  const served: string[] = [];
  for (const path of [...new Set(candidates)].filter((p) => p !== (spec.action as { path: string }).path)) {
    const s = await httpStatus(hostPort, path, spec.timeoutSeconds, spec.action.scheme);
    if (s.status !== undefined && s.status >= 200 && s.status < 400) served.push(path);
  }
  r.servedPaths = served;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
