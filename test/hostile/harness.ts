// The hostile-repository harness. Each case builds a workspace inside a fresh temp "parent" folder (next to
// it: files outside the workspace that a hostile repo points at) with a fresh temp HOME, runs one Parity
// command, and asserts: the exit code, the message, no crash (exit 70 / stack trace), no secret value in
// any output or written file, nothing changed in the parent folder or HOME outside the workspace, and the
// peak RSS. Most cases run the CLI in this process through main() (fast on shared cores; the process's
// peak RSS is checked after every case); cases about process behaviour (hangs, exit) spawn bin/parity.js.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { CLI, PROJECT_ROOT } from '../helpers/paths';

export const MAX_RSS_BYTES = 300 * 1024 * 1024;

export type Node =
  | string
  | Buffer
  | { symlink: string }
  | { fifo: true }
  | { dir: true; mode?: number }
  | { mode: number; content: string };

export interface Workspace {
  /** The workspace (the folder Parity is pointed at). */
  ws: string;
  /** Its parent: holds `outside/` (files a hostile repo may point at). */
  parent: string;
  outside: string;
  home: string;
}

export interface Result {
  code: number;
  out: string;
  err: string;
  /** Milliseconds the command took. */
  ms: number;
}

export interface Case {
  name: string;
  /** Files of the workspace, relative to it. A `{ symlink }` target may use `@outside/` or `@home/`. */
  files?: Record<string, Node>;
  /** Files outside the workspace (relative to `outside/`) and in HOME (relative to HOME). */
  outsideFiles?: Record<string, Node>;
  homeFiles?: Record<string, Node>;
  /** Extra preparation after the files exist. */
  setup?: (w: Workspace) => void;
  /** CLI arguments; `@ws`, `@outside`, `@home` are replaced by the paths. */
  args: string[];
  env?: Record<string, string>;
  /** Expected exit code(s). */
  exit: number | number[];
  /** Must match stdout+stderr. */
  says?: RegExp;
  /** Must not match stdout+stderr. */
  never?: RegExp;
  /** Values that must appear in no output and in no file written or changed in the workspace. */
  secrets?: string[];
  /** Run bin/parity.js in a child process (hangs, exit behaviour, RSS of that process). */
  spawn?: boolean;
  /** Wall-clock limit (default 20 s): a hang fails the case. */
  timeoutMs?: number;
  /** Skip unless running as root (mounts). */
  root?: boolean;
  check?: (w: Workspace, r: Result) => void;
  /** The workspace must be exactly as before (nothing of a refused or failed set written). */
  unchanged?: boolean;
  /** Runs last, whatever happened (unmounts). */
  teardown?: (w: Workspace) => void;
}

function place(base: string, rel: string, node: Node, w: Workspace): void {
  const abs = path.join(base, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  if (typeof node === 'string' || Buffer.isBuffer(node)) fs.writeFileSync(abs, node);
  else if ('symlink' in node) fs.symlinkSync(node.symlink.replace(/^@outside/, w.outside).replace(/^@home/, w.home).replace(/^@ws/, w.ws), abs);
  else if ('fifo' in node) cp.execFileSync('mkfifo', [abs]);
  else if ('dir' in node) fs.mkdirSync(abs, { recursive: true, mode: node.mode });
  else fs.writeFileSync(abs, node.content, { mode: node.mode });
}

export function makeWorkspace(c: Pick<Case, 'files' | 'outsideFiles' | 'homeFiles' | 'setup'>): Workspace {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-hostile-'));
  const w: Workspace = { parent, ws: path.join(parent, 'ws'), outside: path.join(parent, 'outside'), home: path.join(parent, 'home') };
  for (const d of [w.ws, w.outside, w.home]) fs.mkdirSync(d);
  for (const [rel, node] of Object.entries(c.outsideFiles ?? {})) place(w.outside, rel, node, w);
  for (const [rel, node] of Object.entries(c.homeFiles ?? {})) place(w.home, rel, node, w);
  for (const [rel, node] of Object.entries(c.files ?? {})) place(w.ws, rel, node, w);
  c.setup?.(w);
  return w;
}

/** path → type/size/mode/content hash for everything under dir (links not followed). */
export function snapshot(dir: string, skip?: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string, depth: number) => {
    if (skip && abs === skip) return;
    let st: fs.Stats;
    try { st = fs.lstatSync(abs); } catch { return; }
    if (st.isSymbolicLink()) out.set(rel, `link:${fs.readlinkSync(abs)}`);
    else if (st.isDirectory()) {
      out.set(rel, `dir:${st.mode.toString(8)}`);
      if (depth > 40) return;
      for (const name of fs.readdirSync(abs).sort()) walk(path.join(abs, name), rel ? `${rel}/${name}` : name, depth + 1);
    } else if (st.isFile()) {
      const hash = st.size < 8 * 1024 * 1024 ? crypto.createHash('sha1').update(fs.readFileSync(abs)).digest('hex') : `big:${st.mtimeMs}`;
      out.set(rel, `file:${st.size}:${st.mode.toString(8)}:${hash}`);
    } else out.set(rel, `other:${st.mode.toString(8)}`);
  };
  walk(dir, '', 0);
  return out;
}

function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) changed.push(`${before.has(k) ? 'changed' : 'added'} ${k}`);
  for (const k of before.keys()) if (!after.has(k)) changed.push(`removed ${k}`);
  return changed;
}

/** Files in the workspace that the command wrote or changed (their text is checked for secrets). */
function writtenFiles(ws: string, before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([k, v]) => v.startsWith('file:') && before.get(k) !== v).map(([k]) => path.join(ws, k));
}

const expand = (a: string, w: Workspace) => a.replace(/^@ws/, w.ws).replace(/^@outside/, w.outside).replace(/^@home/, w.home);

async function runInProcess(args: string[], w: Workspace, env: Record<string, string>, timeoutMs: number): Promise<Result> {
  const saved = new Map<string, string | undefined>();
  const setEnv = { HOME: w.home, KUBECONFIG: path.join(w.home, '.kube', 'config'), DOCKER_CONFIG: path.join(w.home, '.docker'), ...env };
  for (const [k, v] of Object.entries(setEnv)) { saved.set(k, process.env[k]); process.env[k] = v; }
  let out = '';
  let err = '';
  const controller = new AbortController();
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: w.ws, signal: controller.signal, isTTY: false };
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([
      main(args, io).catch((e: unknown) => { err += `parity: internal error: ${e instanceof Error ? e.stack : String(e)}\n`; return 70; }),
      new Promise<number>((_, reject) => { timer = setTimeout(() => { controller.abort(); reject(new Error(`hang: no result within ${timeoutMs} ms`)); }, timeoutMs); }),
    ]);
    return { code, out, err, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
    for (const [k, v] of saved) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}

function runSpawned(args: string[], w: Workspace, env: Record<string, string>, timeoutMs: number): Result & { rss: number } {
  const rssFile = path.join(w.parent, '.rss');
  const started = Date.now();
  const r = cp.spawnSync(process.execPath, ['--require', path.join(__dirname, 'rss-probe.cjs'), CLI, ...args], {
    cwd: w.ws, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL',
    env: { PATH: process.env.PATH, HOME: w.home, KUBECONFIG: path.join(w.home, '.kube', 'config'), DOCKER_CONFIG: path.join(w.home, '.docker'), PARITY_RSS_FILE: rssFile, ...env },
  });
  const ms = Date.now() - started;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new Error(`hang: parity ${args.join(' ')} did not exit within ${timeoutMs} ms\n${r.stderr}`);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) * 1024 : 0;
  fs.rmSync(rssFile, { force: true });
  return { code: r.status ?? 128, out: r.stdout, err: r.stderr, ms, rss };
}

let built = false;
/** dist/cli.js for spawned cases, rebuilt when a source file is newer. */
export function ensureBuilt(): void {
  if (built) return;
  const dist = path.join(PROJECT_ROOT, 'dist', 'cli.js');
  const newest = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newest(path.join(PROJECT_ROOT, 'src'))) {
    cp.execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.mjs')], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  built = true;
}

const isRoot = process.getuid?.() === 0;

/** Runs one case as a test. */
export function hostile(c: Case): void {
  test(c.name, { skip: c.root && !isRoot ? 'needs root (mounts a small/read-only file system)' : false, timeout: (c.timeoutMs ?? 20_000) + 10_000 }, async () => {
    const w = makeWorkspace(c);
    try {
      const parentBefore = snapshot(w.parent, w.ws);
      const wsBefore = snapshot(w.ws);
      const args = c.args.map((a) => expand(a, w));
      const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, expand(v, w)]));
      let r: Result;
      if (c.spawn) {
        ensureBuilt();
        const s = runSpawned(args, w, env, c.timeoutMs ?? 20_000);
        assert.ok(s.rss < MAX_RSS_BYTES, `peak RSS ${Math.round(s.rss / 2 ** 20)} MB is over 300 MB`);
        r = s;
      } else {
        r = await runInProcess(args, w, env, c.timeoutMs ?? 20_000);
        const rss = process.resourceUsage().maxRSS * 1024;
        assert.ok(rss < MAX_RSS_BYTES, `peak RSS of the test process ${Math.round(rss / 2 ** 20)} MB is over 300 MB`);
      }
      const text = r.out + r.err;
      const detail = `\n--- exit ${r.code}\n--- stdout\n${r.out.slice(0, 3000)}\n--- stderr\n${r.err.slice(0, 3000)}`;
      assert.ok(!/internal error|\n\s+at .+:\d+:\d+\)?\n/.test(text), `crash (stack trace)${detail}`);
      const exits = Array.isArray(c.exit) ? c.exit : [c.exit];
      assert.ok(exits.includes(r.code), `exit ${r.code}, expected ${exits.join(' or ')}${detail}`);
      if (c.says) assert.match(text, c.says, `message${detail}`);
      if (c.never) assert.doesNotMatch(text, c.never, `must not say${detail}`);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(text, /[\u001b\u0007\u009b]|\r(?!\n)/, `raw control character in output${detail}`);
      const wsAfter = snapshot(w.ws);
      for (const s of c.secrets ?? []) {
        assert.ok(!text.includes(s), `secret '${s}' printed${detail}`);
        for (const f of writtenFiles(w.ws, wsBefore, wsAfter)) assert.ok(!fs.readFileSync(f, 'utf8').includes(s), `secret '${s}' written to ${path.relative(w.ws, f)}`);
      }
      if (c.unchanged) assert.deepEqual(diffSnapshots(wsBefore, wsAfter), [], 'the workspace changed although nothing was to be written');
      assert.deepEqual(diffSnapshots(parentBefore, snapshot(w.parent, w.ws)), [], 'something outside the workspace (parent folder or HOME) changed');
      c.check?.(w, r);
    } finally {
      try { c.teardown?.(w); } catch { /* reported by the assertion that failed first */ }
      fs.rmSync(w.parent, { recursive: true, force: true });
    }
  });
}

/** A tiny Node web app: enough for detect/generate to produce a full file set. */
export const NODE_APP: Record<string, Node> = {
  'package.json': JSON.stringify({ name: 'web', version: '1.0.0', scripts: { start: 'node server.js' }, dependencies: { express: '^4.19.0' }, engines: { node: '20' } }, null, 2),
  'server.js': "const express = require('express');\nconst app = express();\napp.get('/health', (_q, s) => s.send('ok'));\napp.listen(process.env.PORT || 3000);\n",
};

export function nodeApp(pkg: Record<string, unknown> = {}, extra: Record<string, Node> = {}): Record<string, Node> {
  const base = JSON.parse(NODE_APP['package.json'] as string);
  return { ...NODE_APP, 'package.json': JSON.stringify({ ...base, ...pkg }, null, 2), ...extra };
}
