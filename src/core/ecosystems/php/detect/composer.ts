// composer.json: production requirements (`require`, not `require-dev`) in file order, `ext-*` included,
// the `php` platform requirement itself left out.
import { asRecord } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';

const PLATFORM = /^(php(-64bit|-ipv6|-zts|-debug)?|composer(-plugin-api|-runtime-api)?)$/i;

export function composerDependencies(ctx: AppContext, composer: Record<string, unknown> | undefined): Dependency[] {
  const require = asRecord(composer?.require);
  if (!require) return [];
  return Object.keys(require)
    .filter((name) => !PLATFORM.test(name))
    .map((name) => ({ name: name.toLowerCase(), source: ctx.fact(null, 'composer.json', `require.${name}`).source }));
}
