// Detection facts of the real-world corpus compared with the expectations written by reading each app
// (test/realworld/<folder>.detect.json). Facts are compared one by one so a test can say which ones Parity
// gets right, and `knownGaps` records exactly where it does not (and what it gives instead).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AppProfile, DetectResult } from '../../src/core/model';

export const CORPUS = process.env.PARITY_REALWORLD_CORPUS ?? '/work/shared/realworld';
export const EXPECTATIONS = __dirname;

export const FACT_KINDS = [
  'app', 'ecosystem', 'kind', 'runtimeVersion', 'packageManager', 'framework', 'start', 'port', 'env', 'services',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

interface Named { required: string[]; optional: string[] }

export interface ExpectedApp {
  /** App folder, or `folder#process` for a further process of the same code (Procfile/compose/release). */
  path: string;
  ecosystem?: string;
  kind?: string;
  runtimeVersion?: { value: string; source: string } | null;
  packageManager?: string | null;
  framework?: string | null;
  /** One accepted command, several (any of them matches), or null for none. */
  start?: string | string[] | null;
  port?: number | null;
  env?: Named;
  services?: Named;
  judgement?: Record<string, string>;
}

export interface Gap { fact: string; parity: unknown }

export interface Expectation { folder: string; apps: ExpectedApp[]; knownGaps: Gap[] }

export interface Tally { matched: number; total: number }

export interface Comparison {
  gaps: Gap[];
  tally: Record<FactKind, Tally>;
  /** Env var names over all apps: how many expected were found, how many found were expected. */
  envNames: { expected: number; found: number; both: number };
}

/** Copies a corpus folder to a fresh temp dir (the corpus is read-only and shared); caller removes it. */
export function copyCorpusFolder(folder: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `parity-realdetect-${folder}-`));
  fs.cpSync(path.join(CORPUS, folder), dir, { recursive: true });
  return dir;
}

export function readExpectation(folder: string): Expectation {
  return JSON.parse(fs.readFileSync(expectationFile(folder), 'utf8')) as Expectation;
}

export function expectationFile(folder: string): string {
  return path.join(EXPECTATIONS, `${folder}.detect.json`);
}

export function corpusFolders(): string[] {
  return fs.readdirSync(EXPECTATIONS).filter((f) => f.endsWith('.detect.json')).map((f) => f.slice(0, -'.detect.json'.length)).sort();
}

/** The key an app is expected under: its folder, plus `#process` for a non-primary process. */
export function appKey(app: AppProfile): string {
  return app.process ? `${app.path}#${app.process}` : app.path;
}

export function compare(expected: Expectation, result: DetectResult): Comparison {
  const tally = Object.fromEntries(FACT_KINDS.map((k) => [k, { matched: 0, total: 0 }])) as Record<FactKind, Tally>;
  const gaps: Gap[] = [];
  const envNames = { expected: 0, found: 0, both: 0 };
  const actualByKey = new Map(result.apps.map((a) => [appKey(a), a]));

  for (const exp of expected.apps) {
    const actual = actualByKey.get(exp.path);
    actualByKey.delete(exp.path);
    tally.app.total++;
    const facts = FACT_KINDS.filter((k) => k !== 'app' && k in exp);
    if (!actual) {
      gaps.push({ fact: `apps[${exp.path}]`, parity: 'missing' });
      for (const k of facts) tally[k].total++;
      continue;
    }
    tally.app.matched++;
    for (const k of facts) {
      tally[k].total++;
      const diff = factDiff(k, exp, actual);
      if (diff === undefined) tally[k].matched++;
      else gaps.push({ fact: `apps[${exp.path}].${k}`, parity: diff });
    }
    if (exp.env) {
      const want = new Set([...exp.env.required, ...exp.env.optional]);
      const got = new Set(actual.env.map((e) => e.name));
      envNames.expected += want.size;
      envNames.found += got.size;
      envNames.both += [...want].filter((n) => got.has(n)).length;
    }
  }
  for (const key of actualByKey.keys()) {
    tally.app.total++;
    gaps.push({ fact: `apps[${key}]`, parity: 'unexpected app' });
  }
  gaps.sort((a, b) => (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0));
  return { gaps, tally, envNames };
}

/** undefined when the fact matches; otherwise what Parity gives (a diff for name lists). */
function factDiff(kind: FactKind, exp: ExpectedApp, a: AppProfile): unknown {
  switch (kind) {
    case 'ecosystem': return same(exp.ecosystem, a.ecosystem);
    case 'kind': return same(exp.kind, a.kind?.value ?? null);
    case 'packageManager': return same(exp.packageManager, a.packageManager?.value ?? null);
    case 'framework': return same(exp.framework, a.framework?.value ?? null);
    case 'port': return same(exp.port, a.port?.value ?? null);
    case 'start': {
      const got = a.start?.value ?? null;
      const accepted = Array.isArray(exp.start) ? exp.start : [exp.start ?? null];
      return accepted.includes(got) ? undefined : got;
    }
    case 'runtimeVersion': {
      const got = a.runtimeVersion ? { value: a.runtimeVersion.value, source: sourceFile(a.runtimeVersion.source) } : null;
      const want = exp.runtimeVersion ? { value: exp.runtimeVersion.value, source: sourceFile(exp.runtimeVersion.source) } : null;
      return JSON.stringify(got) === JSON.stringify(want) ? undefined : got;
    }
    case 'env':
      return namesDiff(exp.env!, {
        required: a.env.filter((e) => !isOptionalEnv(e)).map((e) => e.name),
        optional: a.env.filter(isOptionalEnv).map((e) => e.name),
      });
    case 'services':
      return namesDiff(exp.services!, {
        required: a.services.filter((s) => !s.optional).map((s) => s.value),
        optional: a.services.filter((s) => s.optional).map((s) => s.value),
      });
    default: return undefined;
  }
}

function isOptionalEnv(e: AppProfile['env'][number]): boolean {
  return e.required === undefined ? e.hasDefault : !e.required;
}

function same<T>(want: T | undefined, got: T): T | undefined {
  return want === got ? undefined : got;
}

/** The file part of a source (`a/b.json > x.y`, `a/b:12`, `a/b (note)` → `a/b`), for version sources. */
function sourceFile(source: string): string {
  return source.split(' > ')[0].split(' (')[0].replace(/:\d+$/, '');
}

/** What Parity gets wrong in a required/optional name split: missing, unexpected and flipped names. */
function namesDiff(want: Named, got: Named): Record<string, string[]> | undefined {
  const wantAll = new Map<string, boolean>([...want.required.map((n) => [n, true] as const), ...want.optional.map((n) => [n, false] as const)]);
  const gotAll = new Map<string, boolean>([...got.optional.map((n) => [n, false] as const), ...got.required.map((n) => [n, true] as const)]);
  const missing = [...wantAll.keys()].filter((n) => !gotAll.has(n)).sort();
  const unexpected = [...gotAll.keys()].filter((n) => !wantAll.has(n)).sort();
  const flipped = [...wantAll.keys()].filter((n) => gotAll.has(n) && gotAll.get(n) !== wantAll.get(n))
    .map((n) => `${n}:${gotAll.get(n) ? 'required' : 'optional'}`).sort();
  const diff: Record<string, string[]> = {};
  if (missing.length) diff.missing = missing;
  if (unexpected.length) diff.unexpected = unexpected;
  if (flipped.length) diff.flipped = flipped;
  return Object.keys(diff).length ? diff : undefined;
}

export function addTally(into: Record<FactKind, Tally>, from: Record<FactKind, Tally>): void {
  for (const k of FACT_KINDS) {
    into[k].matched += from[k].matched;
    into[k].total += from[k].total;
  }
}

export function formatAccuracy(tally: Record<FactKind, Tally>, envNames: Comparison['envNames']): string {
  const rows = FACT_KINDS.map((k) => `  ${k.padEnd(15)} ${String(tally[k].matched).padStart(3)}/${String(tally[k].total).padEnd(3)} ${pct(tally[k])}`);
  const all = FACT_KINDS.reduce((t, k) => ({ matched: t.matched + tally[k].matched, total: t.total + tally[k].total }), { matched: 0, total: 0 });
  const recall = envNames.expected ? ((100 * envNames.both) / envNames.expected).toFixed(0) : '-';
  const precision = envNames.found ? ((100 * envNames.both) / envNames.found).toFixed(0) : '-';
  return [
    'real-world detection accuracy (facts matching the written expectations):',
    ...rows,
    `  ${'all'.padEnd(15)} ${String(all.matched).padStart(3)}/${String(all.total).padEnd(3)} ${pct(all)}`,
    `  env var names: recall ${recall}% (${envNames.both}/${envNames.expected}), precision ${precision}% (${envNames.both}/${envNames.found})`,
  ].join('\n');
}

function pct(t: Tally): string {
  return t.total ? `${((100 * t.matched) / t.total).toFixed(0)}%` : '-';
}
