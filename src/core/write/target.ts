// Where a file set lands: a folder on disk (atomic writes) or memory (tests, previews).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { osError, RefusedError, UserError } from '../errors';
import { insideRoot } from './inside';

export interface FileTarget {
  /** Current content of a file relative to the target root, undefined when it does not exist. */
  read(rel: string): string | undefined;
  /**
   * Writes every file or none: all contents go to temp files first and only then are renamed into place,
   * so a failure part-way leaves no partial file and no half-written set.
   */
  writeAll(files: { path: string; content: string; mode?: number }[]): void;
}

export interface DiskTargetHooks {
  /** Test seam: called after the temp files are written and before the first rename. */
  beforeRename?: () => void;
  /** Test seam: called before the rename of file `index` (0-based) into place. */
  beforeEachRename?: (index: number) => void;
}

/** Largest existing file read back to compare with what would be written. */
const MAX_EXISTING_BYTES = 8 * 1024 * 1024;

export class DiskTarget implements FileTarget {
  readonly root: string;
  constructor(root: string, private readonly hooks: DiskTargetHooks = {}) {
    this.root = path.resolve(root);
  }

  read(rel: string): string | undefined {
    const dest = insideRoot(this.root, rel, { create: false });
    if (!dest) return undefined;
    let st: fs.Stats;
    try {
      st = fs.lstatSync(dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw osError(err, rel);
    }
    checkReplaceable(st, rel);
    if (st.size > MAX_EXISTING_BYTES) throw new UserError(`${rel}: ${st.size} bytes is too large to compare with the generated file`, 'Move it away or delete it.');
    try {
      return fs.readFileSync(dest, 'utf8');
    } catch (err) {
      throw osError(err, rel);
    }
  }

  writeAll(files: { path: string; content: string; mode?: number }[]): void {
    if (files.length === 0) return;
    const createdDirs: string[] = [];
    const staged: { tmp: string; dest: string; rel: string; backup?: string }[] = [];
    const undoStaging = () => {
      for (const s of staged) fs.rmSync(s.tmp, { force: true });
      for (const d of createdDirs.reverse()) { try { fs.rmdirSync(d); } catch { /* not empty or gone */ } }
    };
    let current = '';
    try {
      for (const f of files) {
        current = f.path;
        const dest = insideRoot(this.root, f.path, { create: true, created: createdDirs })!;
        try {
          checkReplaceable(fs.lstatSync(dest), f.path);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
        const tmp = path.join(path.dirname(dest), `.${path.basename(dest).slice(0, 100)}.parity-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
        // 'wx' (O_CREAT|O_EXCL) never follows a link planted at the temp name. Staged first, so a write
        // that fails part-way (ENOSPC) still has its temp removed.
        staged.push({ tmp, dest, rel: f.path });
        fs.writeFileSync(tmp, f.content, { encoding: 'utf8', flag: 'wx', mode: f.mode ?? 0o644 });
        if (f.mode !== undefined) fs.chmodSync(tmp, f.mode);
      }
      current = '';
      this.hooks.beforeRename?.();
    } catch (err) {
      undoStaging();
      throw current ? osError(err, current) : err;
    }
    this.renameAll(staged, createdDirs);
  }

  /** Renames every temp into place; a failure puts back what was there before (kept as hard-link backups). */
  private renameAll(staged: { tmp: string; dest: string; rel: string; backup?: string }[], createdDirs: string[]): void {
    let done = 0;
    try {
      for (const s of staged) {
        if (fs.existsSync(s.dest)) {
          s.backup = `${s.tmp}.bak`;
          fs.linkSync(s.dest, s.backup);
        }
      }
      for (const s of staged) {
        this.hooks.beforeEachRename?.(done);
        fs.renameSync(s.tmp, s.dest);
        done++;
      }
    } catch (err) {
      for (let i = 0; i < staged.length; i++) {
        const s = staged[i];
        try {
          if (i < done) {
            if (s.backup) fs.renameSync(s.backup, s.dest);
            else fs.rmSync(s.dest, { force: true });
          }
        } catch { /* best effort: the message below says the set failed */ }
        fs.rmSync(s.tmp, { force: true });
        if (s.backup) fs.rmSync(s.backup, { force: true });
      }
      for (const d of createdDirs.reverse()) { try { fs.rmdirSync(d); } catch { /* not empty */ } }
      throw osError(err, staged[done]?.rel);
    }
    for (const s of staged) if (s.backup) fs.rmSync(s.backup, { force: true });
  }
}

/** An existing target must be a regular file: never a link (not followed), a folder or a FIFO/device. */
function checkReplaceable(st: fs.Stats, rel: string): void {
  if (st.isSymbolicLink()) throw new RefusedError(`${rel} is a symbolic link: Parity does not read or write through links`, 'Replace the link with a regular file (or remove it) and run again.');
  if (st.isDirectory()) throw new UserError(`${rel} is a folder where Parity writes a file; nothing was written`, 'Move or rename the folder and run again.');
  if (!st.isFile()) throw new RefusedError(`${rel} is not a regular file (a FIFO, socket or device); nothing was written`);
}

/** An in-memory folder: `{ "Dockerfile": "…" }`. */
export class MemoryTarget implements FileTarget {
  constructor(readonly files: Record<string, string> = {}) {}
  read(rel: string): string | undefined {
    return this.files[rel];
  }
  writeAll(files: { path: string; content: string }[]): void {
    for (const f of files) this.files[f.path] = f.content;
  }
}
