// Cargo.lock sits next to the package, or at the root of the workspace the package belongs to.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { join } from '../../../repo';
import { parseTomlText } from '../../../parse/structured';
import { ancestors } from './toolchain';

export function cargoLock(ctx: AppContext): Fact<string> | null {
  if (ctx.has('Cargo.lock')) return ctx.fact('Cargo.lock', 'Cargo.lock');
  const dirs = ancestors(ctx.dir);
  for (let up = 1; up < dirs.length; up++) {
    const manifest = ctx.repo.readText(join(dirs[up], 'Cargo.toml'));
    if (manifest === undefined) continue;
    const parsed = parseTomlText(manifest);
    // The nearest Cargo.toml above decides: a workspace root shares its lockfile, anything else does not.
    if (!parsed.ok || typeof parsed.value.workspace !== 'object') return null;
    const rel = join(dirs[up], 'Cargo.lock');
    return ctx.repo.exists(rel) ? { value: '../'.repeat(up) + 'Cargo.lock', source: rel } : null;
  }
  return null;
}
