// Where a file set lands: a folder on disk (atomic writes) or memory (tests, previews).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface FileTarget {
  /** Current content of a file relative to the target root, undefined when it does not exist. */
  read(rel: string): string | undefined;
  /**
   * Writes every file or none: all contents go to temp files first and only then are renamed into place,
   * so a failure part-way leaves no partial file and no half-written set.
   */
  writeAll(files: { path: string; content: string }[]): void;
}

export interface DiskTargetHooks {
  /** Test seam: called after the temp files are written and before the first rename. */
  beforeRename?: () => void;
}

export class DiskTarget implements FileTarget {
  readonly root: string;
  constructor(root: string, private readonly hooks: DiskTargetHooks = {}) {
    this.root = path.resolve(root);
  }

  private abs(rel: string): string {
    const abs = path.resolve(this.root, rel);
    if (abs !== this.root && !abs.startsWith(this.root + path.sep)) throw new Error(`refusing to write outside ${this.root}: ${rel}`);
    return abs;
  }

  read(rel: string): string | undefined {
    try {
      return fs.readFileSync(this.abs(rel), 'utf8');
    } catch {
      return undefined;
    }
  }

  writeAll(files: { path: string; content: string }[]): void {
    const staged: { tmp: string; dest: string }[] = [];
    try {
      for (const f of files) {
        const dest = this.abs(f.path);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.parity-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
        staged.push({ tmp, dest });
        fs.writeFileSync(tmp, f.content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
      }
      this.hooks.beforeRename?.();
    } catch (err) {
      for (const s of staged) fs.rmSync(s.tmp, { force: true });
      throw err;
    }
    for (const s of staged) fs.renameSync(s.tmp, s.dest);
  }
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
