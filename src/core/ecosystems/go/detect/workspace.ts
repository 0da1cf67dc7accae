// A module used by a go.work builds in workspace mode (the go command finds go.work by walking up), and in
// that mode only go.work's `go` and `toolchain` lines choose the toolchain; go.work's go line is never
// below a used module's.
import { posix } from 'node:path';
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { join } from '../../../repo';
import { parseGoMod } from './gomod';
import { goVersion } from './version';

/** The version of the go.work that uses this module, if any (undefined: no such go.work or no version). */
export function workspaceGoVersion(ctx: AppContext): Fact<string> | undefined {
  let dir = ctx.dir;
  for (;;) {
    const file = join(dir, 'go.work');
    const text = ctx.repo.readText(file);
    if (text !== undefined) {
      const work = parseGoMod(text);
      const used = work.uses.some((u) => posix.normalize(join(dir, u.dir)) === (ctx.dir || '.'));
      const v = used ? goVersion(work) : undefined;
      return v ? { value: v.value, source: `${file}:${v.line}` } : undefined;
    }
    if (!dir) return undefined;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}
