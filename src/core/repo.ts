// RepoReader: the only way the engine touches a project's files. One walk lists the tree (honouring
// .gitignore and never entering dependency, VCS or build folders); reads are size-capped and text-only.
// A disk implementation for real use and an in-memory one for tests share the same rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Warning } from './model';

export interface RepoLimits {
  /** Largest file read as text; bigger files are skipped with a warning. */
  maxFileBytes: number;
  /** Stop listing after this many files (a warning says so). */
  maxFiles: number;
}

export const DEFAULT_LIMITS: RepoLimits = { maxFileBytes: 1024 * 1024, maxFiles: 300_000 };

/** Folders never entered, whatever .gitignore says: dependencies, VCS, virtualenvs, build output. */
export const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache',
  '.pytest_cache', 'target', 'vendor', 'dist', 'build', 'out', '.next', '.nuxt', '.output', '.svelte-kit',
  '.astro', '.turbo', '.cache', 'coverage', '.gradle', 'obj', '.idea', '.vscode', '.parity-cache',
  'bower_components', '.terraform', '.serverless', '.yarn', '.pnpm-store', 'site-packages',
]);

export interface RepoReader {
  /** Display name of the root (what `detect --json` prints as `root`). */
  readonly root: string;
  /** Every non-ignored file, relative to the root with `/` separators, sorted. Walked once. */
  files(): readonly string[];
  /** Text of a file, or undefined when it is missing, too large, binary, or unreadable. */
  readText(rel: string): string | undefined;
  exists(rel: string): boolean;
  /** Warnings collected while walking and reading (unreadable folders, oversized files…). */
  readonly warnings: Warning[];
}

export function isBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Reads a project folder on disk. */
export class DiskRepo implements RepoReader {
  readonly warnings: Warning[] = [];
  private list?: string[];
  private readonly abs: string;

  constructor(rootDir: string, readonly root: string = '.', private readonly limits: RepoLimits = DEFAULT_LIMITS) {
    this.abs = path.resolve(rootDir);
  }

  files(): readonly string[] {
    if (!this.list) {
      this.list = [];
      this.walk('', []);
      this.list.sort();
    }
    return this.list;
  }

  readText(rel: string): string | undefined {
    const file = path.join(this.abs, rel);
    let buf: Buffer;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) return undefined;
      if (st.size > this.limits.maxFileBytes) {
        this.warnings.push({ file: rel, message: `skipped: ${st.size} bytes is over the ${this.limits.maxFileBytes}-byte limit` });
        return undefined;
      }
      buf = fs.readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.warnings.push({ file: rel, message: `unreadable: ${code ?? String(err)}` });
      return undefined;
    }
    if (isBinary(buf)) return undefined;
    return buf.toString('utf8');
  }

  exists(rel: string): boolean {
    return fs.existsSync(path.join(this.abs, rel));
  }

  private walk(relDir: string, rules: { base: string; ig: Ignore }[]): void {
    const list = this.list!;
    if (list.length >= this.limits.maxFiles) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(this.abs, relDir), { withFileTypes: true });
    } catch (err) {
      this.warnings.push({ file: relDir || '.', message: `unreadable folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      return;
    }
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const text = this.readText(join(relDir, '.gitignore'));
      if (text !== undefined) rules = [...rules, { base: relDir, ig: ignore().add(text) }];
    }
    for (const e of entries) {
      const name = e.name;
      if (name.includes('\uFFFD')) {
        this.warnings.push({ file: join(relDir, name), message: 'skipped: file name is not valid UTF-8' });
        continue;
      }
      const rel = join(relDir, name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Links to folders are not followed (no loops, no escaping the tree); links to files are read.
        try {
          isFile = fs.statSync(path.join(this.abs, rel)).isFile();
        } catch {
          isFile = false;
        }
        isDir = false;
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(name) || isIgnored(rules, rel, true)) continue;
        if (fs.existsSync(path.join(this.abs, rel, 'pyvenv.cfg'))) continue; // a virtualenv under any name
        this.walk(rel, rules);
        if (list.length >= this.limits.maxFiles) {
          if (!this.warnings.some((w) => w.message.startsWith('listing stopped'))) {
            this.warnings.push({ file: '.', message: `listing stopped at ${this.limits.maxFiles} files` });
          }
          return;
        }
      } else if (isFile && !isIgnored(rules, rel, false)) {
        list.push(rel);
      }
    }
  }
}

/** An in-memory tree for tests: `{ "package.json": "{…}", "src/index.ts": "…" }`. Same skip rules as disk. */
export class MemoryRepo implements RepoReader {
  readonly warnings: Warning[] = [];
  private readonly list: string[];

  constructor(private readonly tree: Record<string, string | Uint8Array>, readonly root = '.', private readonly limits: RepoLimits = DEFAULT_LIMITS) {
    const gitignores = Object.keys(tree).filter((f) => f === '.gitignore' || f.endsWith('/.gitignore'));
    const rules = gitignores.map((f) => ({ base: dirOf(f), ig: ignore().add(String(tree[f])) }));
    this.list = Object.keys(tree)
      .filter((f) => !f.split('/').slice(0, -1).some((seg) => SKIPPED_DIRS.has(seg)))
      .filter((f) => !isIgnored(rules.filter((r) => r.base === '' || f.startsWith(r.base + '/')), f, false))
      .sort();
  }

  files(): readonly string[] {
    return this.list;
  }

  readText(rel: string): string | undefined {
    const v = this.tree[rel];
    if (v === undefined) return undefined;
    const bytes = typeof v === 'string' ? Buffer.from(v) : v;
    if (bytes.length > this.limits.maxFileBytes) {
      this.warnings.push({ file: rel, message: `skipped: ${bytes.length} bytes is over the ${this.limits.maxFileBytes}-byte limit` });
      return undefined;
    }
    if (isBinary(bytes)) return undefined;
    return typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
  }

  exists(rel: string): boolean {
    return rel in this.tree || Object.keys(this.tree).some((f) => f.startsWith(rel + '/'));
  }
}

function isIgnored(rules: { base: string; ig: Ignore }[], rel: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const sub = base ? rel.slice(base.length + 1) : rel;
    if (sub && ig.ignores(isDir ? sub + '/' : sub)) return true;
  }
  return false;
}

export function join(dir: string, name: string): string {
  return dir === '' || dir === '.' ? name : `${dir}/${name}`;
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
