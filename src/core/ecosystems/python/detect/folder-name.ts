import type { AppContext } from '../../../detect/context';

/** The app folder's own name, or `app` for the scanned root (whose name the reader does not know). */
export function folderName(ctx: AppContext): string {
  return ctx.dir ? ctx.dir.slice(ctx.dir.lastIndexOf('/') + 1) : 'app';
}
