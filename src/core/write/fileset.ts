// A generated file set compared with what is already there: each file is new, changed or unchanged, and
// an existing file is known to be pristine Parity output, edited by the user, or someone else's.
import type { GeneratedFile } from '../generate';
import { provenance, type Provenance } from '../generate/header';
import type { FileTarget } from './target';

export type FileStatus = 'new' | 'changed' | 'unchanged';

export interface PlannedFile extends GeneratedFile {
  status: FileStatus;
  /** The file's current content when it exists. */
  existing?: string;
  /** Who wrote the existing file (absent for new files). */
  origin?: Provenance;
}

export interface ComparedSet {
  files: PlannedFile[];
  warnings: { file: string; message: string }[];
}

const lf = (s: string) => s.replace(/\r\n/g, '\n');

export function compareFiles(files: GeneratedFile[], target: FileTarget): ComparedSet {
  const warnings: ComparedSet['warnings'] = [];
  const planned = files.map((f): PlannedFile => {
    const existing = target.read(f.path);
    if (existing === undefined) return { ...f, status: 'new' };
    const origin = provenance(existing);
    if (lf(existing) === f.content) return { ...f, status: 'unchanged', existing, origin };
    if (origin === 'edited' && !f.merged) warnings.push({ file: f.path, message: 'edited since Parity generated it: review the diff; only --force replaces it' });
    if (origin === 'foreign' && !f.merged) warnings.push({ file: f.path, message: 'exists and was not written by Parity: review the diff; only --force replaces it' });
    return { ...f, status: 'changed', existing, origin };
  });
  return { files: planned, warnings };
}
