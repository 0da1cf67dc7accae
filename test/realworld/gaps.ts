// What a corpus folder's generated files get wrong against the expectation written in
// test/realworld/<folder>.gen.json: one short, stable line per gap. The static test compares the list with
// the file's `knownGaps` exactly, so a fix (a gap disappears) and a regression (one appears) both fail it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskRepo } from '../../src/core/repo';
import { detect } from '../../src/core/detect';
import { DEFAULT_OPTIONS, generate, GenerateError, type GeneratedFile } from '../../src/core/generate';
import { dockerfileInstructions, finalStage, type Instruction } from '../../src/core/generate/lint';
import { cmdExecutableProblem } from '../../src/core/generate/validate/executable';
import { lookupTag } from '../../src/core/platform/known-tags';
import { parseYamlDocs } from '../../src/core/parse/structured';
import { checkCommand } from '../../src/cli/commands/check';
import { PROJECT_ROOT } from '../helpers/paths';

export const CORPUS = process.env.PARITY_REALWORLD ?? '/work/shared/realworld';
export const EXPECTATIONS = path.join(PROJECT_ROOT, 'test', 'realworld');

export interface AppExpectation {
  path: string;
  kind: 'web' | 'worker' | 'static' | 'tcp' | 'unsupported';
  /** Build context relative to the folder; the app folder when absent. */
  context?: string;
  base: string | null;
  buildBase?: string;
  installClosure: string[];
  build: string | null;
  cmd: string[][];
  port: number | null;
  writable: string[];
  buildArgs: string[];
  buildPackages: string[];
  needs?: string[];
  requires?: string[];
  http?: { path: string; status: number } | { worker: number };
  judgement: Record<string, string>;
}

export interface FolderExpectation { folder: string; apps: AppExpectation[]; knownGaps: string[] }

export function readExpectation(folder: string): FolderExpectation {
  return JSON.parse(fs.readFileSync(path.join(EXPECTATIONS, `${folder}.gen.json`), 'utf8')) as FolderExpectation;
}

export function expectationFolders(): string[] {
  return fs.readdirSync(EXPECTATIONS).filter((f) => f.endsWith('.gen.json')).map((f) => f.slice(0, -'.gen.json'.length)).sort();
}

const join = (...parts: string[]) => parts.filter((p) => p && p !== '.').join('/');
const INSTALL = /\b(npm (ci|install)|pnpm install|yarn( install| workspaces focus)?(\s|$)|bun install|pip install|uv sync|poetry install|bundle install|composer install|go mod download|dotnet restore|mvnw|gradlew|mvn |gradle |cargo (build|fetch))/;

function stagesOf(ins: Instruction[]): Instruction[][] {
  const out: Instruction[][] = [];
  for (const i of ins) {
    if (i.keyword === 'FROM') out.push([i]);
    else out[out.length - 1]?.push(i);
  }
  return out;
}

/** Is `file` (relative to the context) in the image when the stage's first install RUN runs? */
function inClosure(file: string, stages: Instruction[][]): boolean {
  const manifestsKeep = stages.find((s) => / AS manifests$/i.test(s[0].args));
  const keeps = manifestsKeep?.flatMap((i) => [...i.args.matchAll(/! -name '([^']+)'/g)].map((m) => m[1])) ?? [];
  const keepPaths = manifestsKeep?.flatMap((i) => [...i.args.matchAll(/! -path '\.\/([^']+)'/g)].map((m) => m[1])) ?? [];
  for (const stage of stages) {
    const installAt = stage.findIndex((i) => i.keyword === 'RUN' && INSTALL.test(i.args));
    if (installAt < 0 || / AS manifests$/i.test(stage[0].args)) continue;
    const before = stage.slice(0, installAt).filter((i) => i.keyword === 'COPY');
    return before.some((c) => {
      const tokens = c.args.split(/\s+/).filter((t) => !t.startsWith('--'));
      if (/--from=manifests\b/.test(c.args)) return keeps.includes(path.posix.basename(file)) || keepPaths.includes(file);
      if (c.args.includes('--from=')) return false;
      const srcs = tokens.slice(0, -1);
      return srcs.some((s) => {
        const src = s.replace(/^\.\//, '').replace(/\/$/, '');
        if (src === '.' || src === '') return true;
        if (src === file || file.startsWith(`${src}/`)) return true;
        if (src.includes('*')) return new RegExp(`^${src.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(file);
        return false;
      });
    });
  }
  return true;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function docsOf(files: GeneratedFile[], app: string): Obj[] {
  return files.filter((f) => f.kind === 'kubernetes' && f.app === app).flatMap((f) => {
    const p = parseYamlDocs(f.content);
    return p.ok ? (p.value as Obj[]) : [];
  });
}

function appGaps(exp: AppExpectation, files: GeneratedFile[], root: string, warnings: string[], optional: Set<string>): string[] {
  const p = exp.path;
  const gaps: string[] = [];
  const df = files.find((f) => f.kind === 'dockerfile' && f.app === p);
  if (exp.kind === 'unsupported') {
    if (df) gaps.push(`${p}: generated an image that cannot start`);
    if (!warnings.some((w) => /adapter/i.test(w))) gaps.push(`${p}: no warning says why it cannot run`);
    return gaps;
  }
  if (!df) return [`${p}: no Dockerfile generated`];
  const ins = dockerfileInstructions(df.content);
  const stages = stagesOf(ins);
  const last = finalStage(ins);
  const names = new Set(stages.map((s) => s[0].args.split(/\s+/)[2]).filter(Boolean));
  const froms = stages.map((s) => s[0].args.split(/\s+/)[0]);
  const runtimeFrom = froms[froms.length - 1];
  if (exp.base && !new RegExp(exp.base).test(runtimeFrom)) gaps.push(`${p}: runtime base ${runtimeFrom}`);
  if (exp.buildBase && froms.length > 1 && !new RegExp(exp.buildBase).test(froms[0])) gaps.push(`${p}: build base ${froms[0]}`);
  for (const from of new Set(froms.filter((f) => !names.has(f)))) {
    const t = lookupTag(from);
    if (!t.known) gaps.push(`${p}: unknown tag ${from}`);
  }
  const wantContext = exp.context ?? p;
  const context = df.buildContext ?? p;
  if ((context || '.') !== (wantContext || '.')) gaps.push(`${p}: build context '${context || '.'}'`);
  const cmdIns = last.filter((i) => i.keyword === 'CMD').pop();
  let cmd: string[] = [];
  try { cmd = cmdIns ? (JSON.parse(cmdIns.args) as string[]) : []; } catch { cmd = ['(shell form)']; }
  if (exp.cmd.length && !exp.cmd.some((c) => JSON.stringify(c) === JSON.stringify(cmd))) gaps.push(`${p}: CMD ${JSON.stringify(cmd)}`);
  const problem = cmdExecutableProblem({ dockerfile: df.content, readText: (rel) => readCorpus(root, join(context, rel)), appDir: path.posix.relative(context || '.', p || '.').replace(/^\.$/, '') });
  if (problem) gaps.push(`${p}: CMD not runnable: ${problem}`);
  const expose = last.filter((i) => i.keyword === 'EXPOSE').map((i) => Number(i.args.split(/[\s/]/)[0]))[0] ?? null;
  const wantPort = exp.kind === 'worker' ? null : exp.port;
  if (expose !== wantPort) gaps.push(`${p}: EXPOSE ${expose ?? 'none'}`);
  for (const f of exp.installClosure) if (!inClosure(f, stages)) gaps.push(`${p}: install closure lacks ${f}`);
  for (const a of exp.buildArgs) if (!ins.some((i) => i.keyword === 'ARG' && i.args.split('=')[0] === a)) gaps.push(`${p}: no build arg ${a}`);
  const buildRuns = stages.slice(0, -1).flat().filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
  for (const pkg of exp.buildPackages) if (!new RegExp(`(^|\\s)${pkg.replace(/[+.]/g, '\\$&')}(\\s|$)`, 'm').test(buildRuns)) gaps.push(`${p}: build lacks ${pkg}`);
  const docs = docsOf(files, p);
  const dep = docs.find((d) => d.kind === 'Deployment');
  const container = dep?.spec?.template?.spec?.containers?.[0];
  const mounts: string[] = (container?.volumeMounts ?? []).map((m: Obj) => String(m.mountPath));
  for (const w of exp.writable) if (!mounts.some((m) => m.replace(/\/$/, '').endsWith(`/${w}`))) gaps.push(`${p}: ${w} not writable`);
  const hasService = docs.some((d) => d.kind === 'Service');
  if (exp.kind === 'worker' && hasService) gaps.push(`${p}: a worker gets a Service`);
  if (exp.kind !== 'worker' && !hasService) gaps.push(`${p}: no Service`);
  const env: Obj[] = container?.env ?? [];
  if (env.some((e) => e.name === 'NODE_ENV')) gaps.push(`${p}: Deployment re-declares NODE_ENV`);
  const compose = files.find((f) => f.kind === 'compose');
  if (compose) {
    const parsed = parseYamlDocs(compose.content);
    const services: Obj = parsed.ok ? ((parsed.value[0] as Obj)?.services ?? {}) : {};
    for (const s of Object.values(services)) {
      const e = s?.environment;
      if (!e || typeof e !== 'object' || Array.isArray(e) || s.build === undefined) continue;
      const ctx = typeof s.build === 'string' ? s.build : s.build.context;
      const file = typeof s.build === 'string' ? 'Dockerfile' : (s.build.dockerfile ?? 'Dockerfile');
      if (path.posix.normalize(path.posix.join(ctx ?? '.', file)) !== path.posix.normalize(df.path)) continue;
      const empty = Object.entries(e).filter(([k, v]) => optional.has(k) && (v === '' || (typeof v === 'string' && /^\$\{[A-Za-z0-9_]+(:?[?-][^}]*)?\}$/.test(v)))).map(([k]) => k);
      if (empty.length) gaps.push(`${p}: compose sets ${empty.length} optional var(s) empty`);
      if ('NODE_ENV' in e) gaps.push(`${p}: compose re-declares NODE_ENV`);
    }
  }
  return [...new Set(gaps)];
}

function readCorpus(root: string, rel: string): string | undefined {
  try { return fs.readFileSync(path.join(root, rel), 'utf8'); } catch { return undefined; }
}

/** Runs `parity check --json` on a temp copy of the folder with the generated files written into it. */
async function checkErrors(folder: string, files: GeneratedFile[]): Promise<string[]> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-realworld-')), folder);
  try {
    fs.cpSync(path.join(CORPUS, folder), dir, { recursive: true });
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), f.content);
    }
    let out = '';
    await checkCommand.run([dir, '--json'], { cwd: dir, out: (s: string) => { out += s; }, err: () => undefined } as never);
    const findings = (JSON.parse(out) as { findings: { id: string; severity: string; app?: string }[] }).findings;
    return [...new Set(findings.filter((f) => f.severity === 'error').map((f) => `check error ${f.id}${f.app ? ` (${f.app})` : ''}`))];
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

export async function folderGaps(folder: string): Promise<string[]> {
  const exp = readExpectation(folder);
  const root = path.join(CORPUS, folder);
  const detected = detect(new DiskRepo(root, folder));
  let files: GeneratedFile[] = [];
  let warnings: string[] = detected.warnings.map((w) => (typeof w === 'string' ? w : (w as { message: string }).message));
  const gaps: string[] = [];
  try {
    const result = generate(detected, { ...DEFAULT_OPTIONS, repo: new DiskRepo(root, folder) });
    files = result.files;
    warnings = [...warnings, ...result.warnings.map((w) => w.message)];
  } catch (err) {
    gaps.push(err instanceof GenerateError ? `generate failed: ${err.problems.map((q) => q.message).join('; ')}` : `generate failed: ${(err as Error).message.split('\n')[0]}`);
  }
  for (const app of exp.apps) {
    // Optional per detection: a default in code, or only read when present.
    const env = detected.apps.find((a) => a.path === (app.path || '.'))?.env ?? [];
    const optional = new Set(env.filter((e) => !(e.required ?? !e.hasDefault)).map((e) => e.name));
    gaps.push(...appGaps(app, files, root, warnings, optional));
  }
  const expected = new Set(exp.apps.map((a) => a.path));
  for (const f of files) if (f.kind === 'dockerfile' && f.app !== undefined && !expected.has(f.app)) gaps.push(`extra app ${f.app || '.'}`);
  if (files.length) gaps.push(...(await checkErrors(folder, files)));
  return gaps.sort();
}
