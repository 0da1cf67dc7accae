// The preview: a unified diff of the file set against what is on disk (new files diff against /dev/null).
import { createTwoFilesPatch } from 'diff';
import type { PlannedFile } from './fileset';

export function unifiedDiff(files: PlannedFile[]): string {
  const parts: string[] = [];
  for (const f of files) {
    if (f.status === 'unchanged') continue;
    const before = f.status === 'new' ? '' : (f.existing ?? '').replace(/\r\n/g, '\n');
    const patch = createTwoFilesPatch(f.status === 'new' ? '/dev/null' : `a/${f.path}`, `b/${f.path}`, before, f.content, '', '', { context: 3 });
    parts.push(patch.replace(/^=+\n/, ''));
  }
  return parts.join('');
}

export function summary(files: PlannedFile[]): string {
  const width = Math.max(0, ...files.map((f) => f.status.length));
  return files.map((f) => `  ${f.status.padEnd(width)}  ${f.path}${f.origin === 'edited' && f.status === 'changed' ? '  (edited by you)' : f.origin === 'foreign' && f.status === 'changed' && !f.merged ? '  (not written by Parity)' : f.merged && f.status === 'changed' ? '  (merged)' : ''}`).join('\n') + '\n';
}
