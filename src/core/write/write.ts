// The write step: new files are created; an existing file is replaced only when that loses nothing the
// user wrote (pristine Parity output or a merge that keeps every line) and the user confirmed the diff,
// or when they pass force. All accepted files are written atomically as one set.
import type { PlannedFile } from './fileset';
import type { FileTarget } from './target';

export interface WriteOptions {
  /** The user saw the diff and accepted it (VS Code preview): replace pristine generated and merged files. */
  confirmed?: boolean;
  /** Replace every changed file, including ones the user edited or wrote. */
  force?: boolean;
}

export interface WriteReport {
  created: string[];
  replaced: string[];
  unchanged: string[];
  skipped: { path: string; reason: string }[];
}

export function decide(file: PlannedFile, opts: WriteOptions): { write: boolean; reason?: string } {
  if (file.status === 'new') return { write: true };
  if (file.status === 'unchanged') return { write: false };
  if (opts.force) return { write: true };
  const safe = file.merged || file.origin === 'generated';
  if (safe && opts.confirmed) return { write: true };
  if (safe) return { write: false, reason: 'exists: confirm the diff or pass --force to replace it' };
  if (file.origin === 'edited') return { write: false, reason: 'you edited it since Parity generated it: pass --force to replace it' };
  return { write: false, reason: 'not written by Parity: pass --force to replace it' };
}

export function writeFiles(files: PlannedFile[], target: FileTarget, opts: WriteOptions = {}): WriteReport {
  const report: WriteReport = { created: [], replaced: [], unchanged: [], skipped: [] };
  const toWrite: PlannedFile[] = [];
  for (const f of files) {
    const d = decide(f, opts);
    if (d.write) {
      toWrite.push(f);
      (f.status === 'new' ? report.created : report.replaced).push(f.path);
    } else if (f.status === 'unchanged') report.unchanged.push(f.path);
    else report.skipped.push({ path: f.path, reason: d.reason! });
  }
  target.writeAll(toWrite.map((f) => ({ path: f.path, content: f.content })));
  return report;
}
