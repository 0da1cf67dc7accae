// PHP version, first found wins: composer.json `config.platform.php` (the version Composer resolves
// dependencies for, so the one production must run) > .tool-versions > composer.json `require.php`
// reduced to its lower bound (`^8.2` → `8.2`, `>=8.1 <9` → `8.1`, `^8.1 || ^8.2` → `8.1`).
import type { Fact } from '../../../model';
import { asString, pick } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { constraintFloor } from '../../python/detect/constraint';
import { toolVersionsFact } from '../../python/detect/tool-versions';

export function phpVersion(ctx: AppContext, composer: Record<string, unknown> | undefined): Fact<string> | null {
  const platform = asString(pick(composer, 'config.platform.php'));
  const platformFloor = platform && constraintFloor(platform);
  if (platformFloor) return ctx.fact(platformFloor, 'composer.json', 'config.platform.php');
  const tool = toolVersionsFact(ctx, 'php');
  if (tool) return tool;
  const required = asString(pick(composer, 'require.php'));
  const floor = required && constraintFloor(required);
  return floor ? ctx.fact(floor, 'composer.json', 'require.php') : null;
}
