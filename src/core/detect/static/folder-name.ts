// A name for an app whose project files do not declare one: its folder, or the scanned root's folder.
import type { AppContext } from '../context';

export function folderName(ctx: AppContext, fallback: string): string {
  const fromPath = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? '';
  const own = fromPath(ctx.dir);
  if (own) return own;
  const root = fromPath(ctx.repo.root);
  return root && root !== '.' && root !== '..' ? root : fallback;
}
