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

/** Folders nested deeper than this are not entered (a warning says so); real projects stay far below. */
export const MAX_DEPTH = 64;

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

/** A NUL byte in the first 8000 bytes marks a binary file (git's heuristic). */
export function isBinary(buf: Uint8Array): boolean {
  return buf.subarray(0, 8000).indexOf(0) !== -1;
}

/** A relative path that stays inside the root: no absolute paths, no `..` segments. */
export function isSafeRel(rel: string): boolean {
  if (rel === '' || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0') || /^[A-Za-z]:/.test(rel)) return false;
  return !rel.split('/').some((seg) => seg === '..');
}

function pushWarning(warnings: Warning[], file: string, message: string): void {
  if (!warnings.some((w) => w.file === file && w.message === message)) warnings.push({ file, message });
}

/** Reads a project folder on disk. */
export class DiskRepo implements RepoReader {
  readonly warnings: Warning[] = [];
  private list?: string[];
  private readonly abs: string;
  private realRoot: string;
  /** Symlinks met while walking (relative paths); reads through them are checked to stay in the tree. */
  private readonly links = new Set<string>();

  constructor(rootDir: string, readonly root: string = '.', private readonly limits: RepoLimits = DEFAULT_LIMITS) {
    this.abs = path.resolve(rootDir);
    try {
      this.realRoot = fs.realpathSync(this.abs);
    } catch {
      this.realRoot = this.abs;
    }
  }

  files(): readonly string[] {
    if (!this.list) {
      this.list = [];
      this.walk('', [], 0);
      this.list.sort();
    }
    return this.list;
  }

  readText(rel: string): string | undefined {
    if (!isSafeRel(rel)) return undefined;
    if (this.links.size > 0 && !this.staysInside(rel)) return undefined;
    return this.readInside(rel);
  }

  private readInside(rel: string): string | undefined {
    const file = path.join(this.abs, rel);
    let fd: number | undefined;
    let buf: Buffer;
    try {
      // One open + fstat + read: no window between a size check and the read, and a FIFO or device
      // named like a project file is refused before anything blocks on it.
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return undefined;
      if (st.size > this.limits.maxFileBytes) {
        pushWarning(this.warnings, rel, `skipped: ${st.size} bytes is over the ${this.limits.maxFileBytes}-byte limit`);
        return undefined;
      }
      buf = Buffer.allocUnsafe(st.size);
      let got = 0;
      while (got < st.size) {
        const n = fs.readSync(fd, buf, got, st.size - got, got);
        if (n === 0) break;
        got += n;
      }
      buf = buf.subarray(0, got);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') pushWarning(this.warnings, rel, `unreadable: ${code ?? String(err)}`);
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    if (isBinary(buf)) {
      pushWarning(this.warnings, rel, 'skipped: binary content');
      return undefined;
    }
    return buf.toString('utf8');
  }

  /** When the tree holds symlinks, a path through one must resolve inside the root. */
  private staysInside(rel: string): boolean {
    const segs = rel.split('/');
    let prefix = '';
    let viaLink = false;
    for (const seg of segs) {
      prefix = join(prefix, seg);
      if (this.links.has(prefix)) viaLink = true;
    }
    if (!viaLink) return true;
    try {
      const real = fs.realpathSync(path.join(this.abs, rel));
      return real === this.realRoot || real.startsWith(this.realRoot + path.sep);
    } catch {
      return false;
    }
  }

  exists(rel: string): boolean {
    return isSafeRel(rel) && fs.existsSync(path.join(this.abs, rel));
  }

  private walk(relDir: string, rules: { base: string; ig: Ignore }[], depth: number): void {
    const list = this.list!;
    if (list.length >= this.limits.maxFiles) return;
    if (depth > MAX_DEPTH) {
      pushWarning(this.warnings, relDir, `skipped: folders nested deeper than ${MAX_DEPTH} levels`);
      return;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(this.abs, relDir), { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // The root itself missing is the caller's problem to report; a folder vanishing mid-walk is not fatal.
      pushWarning(this.warnings, relDir || '.', `unreadable folder: ${code ?? String(err)}`);
      return;
    }
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const text = this.readInside(join(relDir, '.gitignore'));
      if (text !== undefined) rules = [...rules, { base: relDir, ig: ignore().add(text) }];
    }
    for (const e of entries) {
      const name = e.name;
      if (name.includes('\uFFFD')) {
        pushWarning(this.warnings, join(relDir, name), 'skipped: file name is not valid UTF-8');
        continue;
      }
      const rel = join(relDir, name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Links to folders are not followed (no loops); links to files are read only when they resolve
        // inside the scanned folder.
        this.links.add(rel);
        isDir = false;
        isFile = false;
        try {
          const real = fs.realpathSync(path.join(this.abs, rel));
          const inside = real === this.realRoot || real.startsWith(this.realRoot + path.sep);
          if (fs.statSync(real).isFile()) {
            if (inside) isFile = true;
            else pushWarning(this.warnings, rel, 'skipped: symlink points outside the scanned folder');
          }
        } catch {
          // dangling link or a loop (ELOOP): nothing to read
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(name) || (rules.length > 0 && isIgnored(rules, rel, true))) continue;
        if (fs.existsSync(path.join(this.abs, rel, 'pyvenv.cfg'))) continue; // a virtualenv under any name
        this.walk(rel, rules, depth + 1);
        if (list.length >= this.limits.maxFiles) {
          pushWarning(this.warnings, '.', `listing stopped at ${this.limits.maxFiles} files`);
          return;
        }
      } else if (isFile && (rules.length === 0 || !isIgnored(rules, rel, false))) {
        if (list.length >= this.limits.maxFiles) {
          pushWarning(this.warnings, '.', `listing stopped at ${this.limits.maxFiles} files`);
          return;
        }
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
    const venvs = Object.keys(tree).filter((f) => f === 'pyvenv.cfg' || f.endsWith('/pyvenv.cfg')).map(dirOf);
    this.list = Object.keys(tree)
      .filter((f) => !f.split('/').slice(0, -1).some((seg) => SKIPPED_DIRS.has(seg)))
      .filter((f) => !venvs.some((v) => v === '' || f.startsWith(v + '/')))
      .filter((f) => !isIgnored(rules.filter((r) => r.base === '' || f.startsWith(r.base + '/')), f, false))
      .sort();
  }

  files(): readonly string[] {
    return this.list;
  }

  readText(rel: string): string | undefined {
    if (!isSafeRel(rel) || !Object.prototype.hasOwnProperty.call(this.tree, rel)) return undefined;
    const v = this.tree[rel];
    const bytes = typeof v === 'string' ? Buffer.from(v) : v;
    if (bytes.length > this.limits.maxFileBytes) {
      pushWarning(this.warnings, rel, `skipped: ${bytes.length} bytes is over the ${this.limits.maxFileBytes}-byte limit`);
      return undefined;
    }
    if (isBinary(bytes)) {
      pushWarning(this.warnings, rel, 'skipped: binary content');
      return undefined;
    }
    return typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
  }

  exists(rel: string): boolean {
    return rel in this.tree || Object.keys(this.tree).some((f) => f.startsWith(rel + '/'));
  }
}

/**
 * Git semantics across nested .gitignore files: rules are applied from the root down and the deepest file
 * that has an opinion wins, so `sub/.gitignore` can re-include (`!keep.log`) what the root ignores.
 */
function isIgnored(rules: { base: string; ig: Ignore }[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of rules) {
    const sub = base ? rel.slice(base.length + 1) : rel;
    if (!sub) continue;
    const r = ig.test(isDir ? sub + '/' : sub);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

export function join(dir: string, name: string): string {
  return dir === '' || dir === '.' ? name : `${dir}/${name}`;
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
