// Ruby version, first found wins: .ruby-version (`3.3.0` or `ruby-3.3.0`) > Gemfile `ruby "3.3.0"`
// > .tool-versions > Gemfile.lock `RUBY VERSION` (`ruby 3.3.0p0`). Constraints reduce to their lower
// bound (`~> 3.2` → `3.2`).
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { constraintFloor, leadingVersion } from '../../python/detect/constraint';
import { toolVersionsFact } from '../../python/detect/tool-versions';
import { gemfileRuby } from './gemfile';

export function rubyVersion(ctx: AppContext): Fact<string> | null {
  const file = ctx.read('.ruby-version');
  const pinned = file === undefined ? undefined : leadingVersion(file, 'ruby-');
  if (pinned) return ctx.fact(pinned, '.ruby-version');
  const directive = gemfileRuby(ctx);
  const floor = directive && constraintFloor(directive.spec);
  if (directive && floor) return ctx.fact(floor, 'Gemfile', directive.line);
  const tool = toolVersionsFact(ctx, 'ruby');
  if (tool) return tool;
  const lock = ctx.read('Gemfile.lock');
  if (lock !== undefined) {
    const lines = lock.split(/\r?\n/);
    const at = lines.findIndex((l) => l.trim() === 'RUBY VERSION');
    const m = at >= 0 ? /^\s*ruby\s+(\d+(?:\.\d+){0,2})/.exec(lines[at + 1] ?? '') : null;
    if (m) return ctx.fact(m[1], 'Gemfile.lock', at + 2);
  }
  return null;
}
