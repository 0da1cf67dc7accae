// Which generated files Apply must not replace without asking: the CLI's rule (core/write decide()),
// applied to a preview. A file the user edited since Parity wrote it, or one Parity never wrote, is kept
// by "Apply all" and replaced only after an explicit per-file confirmation.
import { provenance } from '../../core/generate/header';
import { decide } from '../../core/write/write';
import type { PlannedFile } from '../engine';

export type Protection = 'edited' | 'foreign';

export const PROTECTION_LABEL: Record<Protection, string> = { edited: 'edited by you', foreign: 'not written by Parity' };

/** Why Apply keeps this file unless confirmed, or undefined when replacing it loses nothing the user wrote. */
export function protectionOf(file: PlannedFile): Protection | undefined {
  if (file.status !== 'changed' || file.diskContent === undefined) return undefined;
  const origin = provenance(file.diskContent);
  if (decide({ ...file, existing: file.diskContent, origin }, { confirmed: true }).write) return undefined;
  return origin === 'edited' ? 'edited' : 'foreign';
}
