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

const UNSAFE_REL = /^\/|^[A-Za-z]:|\\|\0|(^|\/)\.\.(\/|$)/;

/** A relative path that stays inside the root: no absolute paths, no `..` segments. */
export function isSafeRel(rel: string): boolean {
  return rel !== '' && !UNSAFE_REL.test(rel);
}

function pushWarning(warnings: Warning[], file: string, message: string): void {
  if (!warnings.some((w) => w.file === file && w.message === message)) warnings.push({ file, message });
}

/** Reads a project folder on disk. */
export class DiskRepo implements RepoReader {
  readonly warnings: Warning[] = [];
  private list?: string[];
  private listed?: Set<string>;
  private walking = false;
  private buf?: Buffer;
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
      this.walking = true;
      this.walk('', [], 0);
      this.walking = false;
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
    const file = this.abs + path.sep + rel;
    const max = this.limits.maxFileBytes;
    // One buffer for every read: a file is decoded straight out of it, so reading 30k sources does not
    // allocate 30k Buffers. It holds one byte more than the cap, which is how an oversized file shows.
    if (!this.buf || this.buf.length < max + 1) this.buf = Buffer.allocUnsafe(Math.min(max + 1, 64 * 1024 * 1024));
    const buf = this.buf;
    let fd: number | undefined;
    let got = 0;
    try {
      // O_NONBLOCK: a FIFO or device named like a project file must not block the open.
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      // Files the walk listed are regular files (it checked their type); anything else is checked here.
      if (!this.isListed(rel) && !fs.fstatSync(fd).isFile()) return undefined;
      for (;;) {
        const want = buf.length - got;
        const n = fs.readSync(fd, buf, got, want, null);
        got += n;
        if (got > max) {
          const size = fs.fstatSync(fd).size;
          pushWarning(this.warnings, rel, `skipped: ${size} bytes is over the ${max}-byte limit`);
          return undefined;
        }
        // A short read of a regular file is its end: no second read() just to see 0 bytes.
        if (n < want || n === 0) break;
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') pushWarning(this.warnings, rel, `unreadable: ${code ?? String(err)}`);
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    const head = buf.subarray(0, Math.min(got, 8000));
    if (head.indexOf(0) !== -1) {
      pushWarning(this.warnings, rel, 'skipped: binary content');
      return undefined;
    }
    return buf.toString('utf8', 0, got);
  }

  private isListed(rel: string): boolean {
    if (!this.list || this.walking) return false;
    this.listed ??= new Set(this.list);
    return this.listed.has(rel);
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

  private walk(relDir: string, rules: IgnoreRules[], depth: number): void {
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
    // A virtualenv under any name: its root holds pyvenv.cfg.
    if (relDir !== '' && entries.some((e) => e.name === 'pyvenv.cfg')) return;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const text = this.readInside(join(relDir, '.gitignore'));
      if (text !== undefined) rules = [...rules, gitignoreRules(relDir, text)];
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
        if (SKIPPED_DIRS.has(name) || (rules.length > 0 && isIgnored(rules, rel, true, name))) continue;
        this.walk(rel, rules, depth + 1);
        if (list.length >= this.limits.maxFiles) {
          pushWarning(this.warnings, '.', `listing stopped at ${this.limits.maxFiles} files`);
          return;
        }
      } else if (isFile && (rules.length === 0 || !isIgnored(rules, rel, false, name))) {
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
    const rules = gitignores.map((f) => gitignoreRules(dirOf(f), String(tree[f])));
    const venvs = Object.keys(tree).filter((f) => f === 'pyvenv.cfg' || f.endsWith('/pyvenv.cfg')).map(dirOf);
    this.list = Object.keys(tree)
      .filter((f) => !f.split('/').slice(0, -1).some((seg) => SKIPPED_DIRS.has(seg)))
      .filter((f) => !venvs.some((v) => v === '' || f.startsWith(v + '/')))
      .filter((f) => !isIgnored(rules.filter((r) => r.base === '' || f.startsWith(r.base + '/')), f, false, f.slice(f.lastIndexOf('/') + 1)))
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

interface IgnoreRules {
  base: string;
  ig: Ignore;
  /** Basenames that some rule's last segment can match, for files and for folders (see lastSegmentFilters). */
  file: RegExp;
  dir: RegExp;
}

function gitignoreRules(base: string, text: string): IgnoreRules {
  return { base, ig: ignore().add(text), ...lastSegmentFilters(text) };
}

/**
 * Git semantics across nested .gitignore files: rules are applied from the root down and the deepest file
 * that has an opinion wins, so `sub/.gitignore` can re-include (`!keep.log`) what the root ignores.
 * The walk only asks about entries of folders it entered (not ignored), so an entry whose name no rule's
 * last segment can match keeps its folder's answer: the (slow) full check is skipped for it.
 */
function isIgnored(rules: IgnoreRules[], rel: string, isDir: boolean, name: string): boolean {
  let ignored = false;
  for (const r of rules) {
    if (!(isDir ? r.dir : r.file).test(name)) continue;
    const sub = r.base ? rel.slice(r.base.length + 1) : rel;
    if (!sub) continue;
    const t = r.ig.test(isDir ? sub + '/' : sub);
    if (t.ignored) ignored = true;
    else if (t.unignored) ignored = false;
  }
  return ignored;
}

/** One regex per kind over basenames: the union of every rule's last path segment as a glob. */
export function lastSegmentFilters(text: string): { file: RegExp; dir: RegExp } {
  const fileParts: string[] = [];
  const dirParts: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('!')) line = line.slice(1);
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    const seg = line.slice(line.lastIndexOf('/') + 1);
    if (!seg) continue;
    const re = globSegmentToRegex(seg);
    dirParts.push(re);
    if (!dirOnly) fileParts.push(re);
  }
  const build = (parts: string[]) => {
    if (parts.length === 0) return /(?!)/;
    try {
      return new RegExp(`^(?:${parts.join('|')})$`);
    } catch {
      return /[^]*/; // cannot tell: always run the full check
    }
  };
  return { file: build(fileParts), dir: build(dirParts) };
}

function globSegmentToRegex(seg: string): string {
  // Many stars make a backtracking-prone regex; such rare rules just take the full check.
  if ((seg.match(/\*/g)?.length ?? 0) > 3) return '[^]*';
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) out += escapeRe(seg[++i]);
    else if (c === '*') {
      if (seg[i + 1] === '*') return '[^]*'; // `**` as the last segment matches anything
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) return '[^]*';
      let body = seg.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body.replace(/\\(?!])/g, '\\\\')}]`;
      i = close;
    } else out += escapeRe(c);
  }
  return out;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

export function join(dir: string, name: string): string {
  return dir === '' || dir === '.' ? name : `${dir}/${name}`;
}

export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
