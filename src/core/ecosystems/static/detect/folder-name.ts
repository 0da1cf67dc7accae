// A name for an app whose project files do not declare one: its folder's name. The scanned root's own
// folder name is not used, so the result does not depend on how the scan was started (`parity detect`
// in the folder or `parity detect path/to/folder`).
import type { AppContext } from '../../../detect/context';

export function folderName(ctx: AppContext, fallback: string): string {
  return ctx.dir.split('/').pop() || fallback;
}
