// Cargo.lock sits next to the package, or at the workspace root for workspace members.
import type { AppContext } from '../context';
import type { Fact } from '../../model';
import { join } from '../../repo';
import { ancestors } from './toolchain';

export function cargoLock(ctx: AppContext): Fact<string> | null {
  const dirs = ancestors(ctx.dir);
  for (let up = 0; up < dirs.length; up++) {
    const rel = join(dirs[up], 'Cargo.lock');
    if (up === 0 ? ctx.has('Cargo.lock') : ctx.repo.exists(rel)) {
      return { value: up === 0 ? 'Cargo.lock' : '../'.repeat(depthBetween(ctx.dir, dirs[up])) + 'Cargo.lock', source: rel };
    }
  }
  return null;
}

function depthBetween(dir: string, ancestor: string): number {
  const d = (p: string) => (p ? p.split('/').length : 0);
  return d(dir) - d(ancestor);
}
