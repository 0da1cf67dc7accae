// The parity report of one running (or stopped) app: what the real container did under the constraints —
// memory peak against the limit, CPU throttling, probe results and latencies, writes outside writable
// mounts, exit code and OOM kill — plus the Findings they amount to. The docker adapter fills the
// observation; this file only shapes and prints it.
import type { Finding } from '../model';
import type { ProbeKind } from './constraints';
import { formatBytes } from './quantity';

export interface ProbeResult {
  kind: ProbeKind;
  /** `GET :3000/healthz`, `TCP :5432`, `exec pg_isready`. */
  target: string;
  line: number;
  attempts: number;
  failures: number;
  /** Consecutive failures reached the probe's failureThreshold (or a startup probe never passed). */
  failed: boolean;
  latencyMs: { last?: number; max?: number; avg?: number };
  /** `HTTP 404`, `connection refused`, `exit 1: …`, `timed out after 1 s`. */
  lastError?: string;
  /** For a failed HTTP probe: paths of the app that do answer 2xx/3xx. */
  servedPaths?: string[];
}

export interface WriteAttempt {
  path: string;
  how: 'log' | 'diff';
  /** The log line, or `A /app/cache` from the container's filesystem changes. */
  evidence: string;
  /** The path is a directory being created (an emptyDir goes on it, not on its parent). */
  isDir?: boolean;
}

export interface Observation {
  app: string;
  container: string;
  image: string;
  workingDir?: string;
  /** Ran with the manifest's constraints (false: `--no-prod-constraints`). */
  constrained: boolean;
  running: boolean;
  exitCode?: number;
  oomKilled: boolean;
  memory: { peakBytes?: number; currentBytes?: number; limitBytes?: number };
  cpu: { periods: number; throttledPeriods: number; throttledMs: number };
  probes: ProbeResult[];
  writes: WriteAttempt[];
  binds: { port?: number; line: string }[];
}

export interface TwinReport extends Observation {
  /** The constraints as phrases (describeConstraints), empty when unconstrained. */
  constraints: string[];
  findings: Finding[];
}

export function renderReport(r: TwinReport): string {
  const out: string[] = [];
  const state = r.running ? 'running' : `exited${r.exitCode !== undefined ? ` with code ${r.exitCode}` : ''}${r.oomKilled ? ' (OOM-killed)' : ''}`;
  out.push(`${r.app} (${r.container}, ${r.image}): ${state}`);
  out.push(r.constrained ? `  constraints: ${r.constraints.join('; ') || 'none in the manifest'}` : '  constraints: none (--no-prod-constraints)');
  const m = r.memory;
  if (m.peakBytes !== undefined || m.currentBytes !== undefined) {
    const pct = m.peakBytes && m.limitBytes ? ` (${Math.round((100 * m.peakBytes) / m.limitBytes)} % of the limit)` : '';
    out.push(`  memory: peak ${m.peakBytes !== undefined ? formatBytes(m.peakBytes) : '?'}${m.limitBytes ? ` of ${formatBytes(m.limitBytes)}` : ', no limit'}${pct}${m.currentBytes !== undefined && r.running ? `, now ${formatBytes(m.currentBytes)}` : ''}`);
  }
  if (r.cpu.periods > 0) out.push(`  cpu: throttled in ${r.cpu.throttledPeriods} of ${r.cpu.periods} periods (${Math.round(r.cpu.throttledMs)} ms)`);
  for (const p of r.probes) {
    const lat = p.latencyMs.max !== undefined ? `, latency avg ${p.latencyMs.avg} ms, max ${p.latencyMs.max} ms` : '';
    out.push(`  ${p.kind} probe ${p.target}: ${p.failed ? 'FAILED' : 'ok'} (${p.attempts - p.failures}/${p.attempts} passed${lat})${p.lastError ? `; last error: ${p.lastError}` : ''}`);
  }
  for (const w of r.writes) out.push(`  write outside writable mounts: ${w.path} (${w.how === 'log' ? 'refused, log' : 'filesystem change'}: ${w.evidence})`);
  if (r.findings.length === 0) out.push('  no findings: it runs as production will run it');
  return out.join('\n') + renderFindings(r.findings) + '\n';
}

/** Findings as indented lines (report text, `up`'s output and error messages). */
export function renderFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `\n  ${f.severity.toUpperCase()} ${f.id}: ${f.title}\n    ${f.message}\n    fix: ${f.fix.text.split('\n').join('\n         ')}`).join('');
}

/** A readable page (the editor opens it as a Markdown preview after Stop). */
export function renderReportMarkdown(reports: TwinReport[]): string {
  const out: string[] = ['# Parity report', ''];
  for (const r of reports) {
    out.push(`## ${r.app}`, '');
    out.push(`- **Container:** \`${r.container}\` from \`${r.image}\``);
    out.push(`- **State:** ${r.running ? 'running' : `exited${r.exitCode !== undefined ? ` with code ${r.exitCode}` : ''}`}${r.oomKilled ? ' — **OOM-killed**' : ''}`);
    out.push(`- **Constraints:** ${r.constrained ? r.constraints.map((c) => `\`${c}\``).join(', ') || 'none in the manifest' : 'none (run unconstrained)'}`);
    if (r.memory.peakBytes !== undefined) out.push(`- **Memory:** peak ${formatBytes(r.memory.peakBytes)}${r.memory.limitBytes ? ` of ${formatBytes(r.memory.limitBytes)} limit` : ' (no limit)'}`);
    if (r.cpu.periods > 0) out.push(`- **CPU:** throttled in ${r.cpu.throttledPeriods} of ${r.cpu.periods} periods (${Math.round(r.cpu.throttledMs)} ms)`);
    if (r.probes.length) {
      out.push('', '| probe | target | result | passed | avg latency | max latency | last error |', '|---|---|---|---|---|---|---|');
      for (const p of r.probes) out.push(`| ${p.kind} | \`${p.target}\` | ${p.failed ? '❌ failed' : '✅ ok'} | ${p.attempts - p.failures}/${p.attempts} | ${p.latencyMs.avg ?? '—'} ms | ${p.latencyMs.max ?? '—'} ms | ${p.lastError ?? ''} |`);
    }
    if (r.writes.length) {
      out.push('', '**Writes outside writable mounts**', '');
      for (const w of r.writes) out.push(`- \`${w.path}\` — ${w.how === 'log' ? 'refused' : 'changed on disk'}: \`${w.evidence.replace(/`/g, "'")}\``);
    }
    out.push('', r.findings.length ? '**Findings**' : '**No findings:** it runs as production will run it.', '');
    for (const f of r.findings) out.push(`- **${f.severity} ${f.id}** — ${f.title}: ${f.message}`, `  - *Fix:* ${f.fix.text.replace(/\n/g, ' ')}`);
    out.push('');
  }
  return out.join('\n');
}
