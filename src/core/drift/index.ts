// evaluate(input) → Finding[]: gather the context once, run every rule, sort deterministically
// (severity, id, file, line, title) and drop exact duplicates.
import type { Finding, Severity } from '../model';
import { DriftContext, type DriftInput } from './context';
import { RULES } from './rules';

export { DriftContext, targetFromSpec } from './context';
export type { DriftInput, Unit } from './context';
export * from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function evaluate(input: DriftInput, only?: string[]): Finding[] {
  return evaluateContext(new DriftContext(input), only);
}

/** Runs the rules on a context built once (callers that also read the context's units use this). */
export function evaluateContext(ctx: DriftContext, only?: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (only && !only.includes(rule.id)) continue;
    findings.push(...rule.evaluate(ctx));
  }
  return sortFindings(dedupe(findings));
}

function where(f: Finding): { file: string; line: number } {
  const e = f.evidence[0];
  if (!e) return { file: '', line: 0 };
  return 'file' in e ? { file: e.file, line: e.line ?? 0 } : { file: `${e.image}:${e.path}`, line: 0 };
}

export function sortFindings(findings: Finding[]): Finding[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort((a, b) => {
    const wa = where(a), wb = where(b);
    return RANK[a.severity] - RANK[b.severity] || cmp(a.id, b.id) || cmp(wa.file, wb.file) || wa.line - wb.line || cmp(a.title, b.title);
  });
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.id, f.title, f.evidence]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}
