// Writes a preview session's files. Every file is first checked against what was on disk when the preview
// was made; if any changed since, nothing is written (the user reviews a fresh preview instead). Each file
// is written to a temp file beside it and renamed over the target, so a reader never sees half a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readIfExists, type PlannedFile } from '../engine';

export interface ApplyResult {
  written: PlannedFile[];
  /** Files changed on disk since the preview; when non-empty nothing was written. */
  conflicts: PlannedFile[];
  /** Files the user edited or Parity did not write, left as they are (see preview/protection.ts). */
  kept: PlannedFile[];
}

/** Writes `files` except `keep`; any of them (kept ones too) changed on disk since the preview → nothing. */
export function applyFiles(files: PlannedFile[], keep: readonly PlannedFile[] = []): Omit<ApplyResult, 'kept'> {
  const changed = files.filter((f) => f.status !== 'unchanged');
  const conflicts = changed.filter((f) => readIfExists(f.absPath) !== f.diskContent);
  if (conflicts.length) return { written: [], conflicts };
  const pending = changed.filter((f) => !keep.includes(f));
  for (const file of pending) writeAtomically(file.absPath, file.content);
  return { written: pending, conflicts: [] };
}

export function writeAtomically(absPath: string, content: string): void {
  fs.mkdirSync(path.dirname(absPath), { recursive: true });
  const temp = path.join(path.dirname(absPath), `.${path.basename(absPath)}.parity-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, content, { flag: 'wx' });
    const mode = fileMode(absPath);
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, absPath);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

function fileMode(absPath: string): number | undefined {
  try {
    return fs.statSync(absPath).mode & 0o7777;
  } catch {
    return undefined;
  }
}
