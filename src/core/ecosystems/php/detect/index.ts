// PHP apps: Composer projects that are Laravel apps or serve a front controller (public/index.php or
// index.php), or that a Procfile `web:` line starts. A Composer library is not an app. The app's name is
// its Composer package name without the vendor (`acme/storefront` → `storefront`), else its folder's.
import { asString } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { oncePerFolder, type Provider, type ProviderProfile } from '../../../detect/provider';
import { folderName } from '../../python/detect/folder-name';
import { procfileWeb } from '../../python/detect/procfile';
import { composerDependencies } from './composer';
import { phpEntry } from './entry';
import { phpVersion } from './version';

const profileOf = oncePerFolder(buildProfile);

export const provider: Provider = {
  id: 'php',
  markers: ['composer.json'],
  matches: (ctx) => profileOf(ctx) !== null,
  profile: profileOf,
};

function buildProfile(ctx: AppContext): ProviderProfile | null {
  const parsed = ctx.json('composer.json');
  const composer = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  if (!composer) return null;
  if (ctx.has('composer.lock')) ctx.json('composer.lock'); // parsed only so a broken lock is reported
  const dependencies = composerDependencies(ctx, composer);
  const entry = phpEntry(ctx, dependencies, composer);
  const procfile = procfileWeb(ctx);
  const procfileIsPhp = procfile && /^(php|vendor\/bin\/|heroku-php|frankenphp|rr\b)/.test(procfile.start.value);
  if (!entry && !procfileIsPhp) return null;
  const declared = asString(composer.name);
  return {
    name: declared ? declared.slice(declared.lastIndexOf('/') + 1) : folderName(ctx),
    runtimeVersion: phpVersion(ctx, composer),
    packageManager: ctx.fact('composer', 'composer.json'),
    framework: entry?.framework ?? null,
    build: null,
    start: (procfileIsPhp ? procfile.start : entry?.start) ?? null,
    lockfile: ctx.has('composer.lock') ? ctx.fact('composer.lock', 'composer.lock') : null,
    configPort: (procfileIsPhp ? procfile.configPort : null) ?? entry?.configPort ?? null,
    defaultPort: entry?.defaultPort ?? null,
    dependencies,
    sourceExtensions: ['.php'],
  };
}
