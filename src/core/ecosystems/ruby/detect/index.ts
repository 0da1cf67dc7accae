// Ruby apps: Bundler projects that are Rails apps, Rack apps (config.ru) or classic Sinatra scripts, or
// that a Procfile `web:` line starts. A Gemfile alone (a gem, a Jekyll site, tooling of another app) is
// not a Ruby app. A Rails app is named after its application module (`module BlogApp` → `blog-app`),
// others after their folder.
import type { AppContext } from '../../../detect/context';
import { oncePerFolder, type Provider, type ProviderProfile } from '../../../detect/provider';
import { folderName } from '../../python/detect/folder-name';
import { procfileWeb } from '../../python/detect/procfile';
import { readGemfile } from './gemfile';
import { rubyEntry } from './entry';
import { rubyVersion } from './version';

const profileOf = oncePerFolder(buildProfile);

export const provider: Provider = {
  id: 'ruby',
  markers: ['Gemfile', 'config.ru'],
  matches: (ctx) => profileOf(ctx) !== null,
  profile: profileOf,
};

function buildProfile(ctx: AppContext): ProviderProfile | null {
  if (!ctx.has('Gemfile')) return null;
  const gems = readGemfile(ctx).filter((g) => !g.devOnly);
  const entry = rubyEntry(ctx, gems);
  const procfile = procfileWeb(ctx);
  const procfileIsRuby = procfile && /^(bundle|bin\/|rails|puma|rackup|ruby|unicorn|thin|falcon)\b/.test(procfile.start.value);
  if (!entry && !procfileIsRuby) return null;
  return {
    name: entry?.name ?? folderName(ctx),
    runtimeVersion: rubyVersion(ctx),
    packageManager: ctx.fact('bundler', 'Gemfile'),
    framework: entry?.framework ?? null,
    build: entry?.build ?? null,
    start: (procfileIsRuby ? procfile.start : entry?.start) ?? null,
    lockfile: ctx.has('Gemfile.lock') ? ctx.fact('Gemfile.lock', 'Gemfile.lock') : null,
    configPort: (procfileIsRuby ? procfile.configPort : null) ?? entry?.configPort ?? null,
    defaultPort: entry?.defaultPort ?? null,
    dependencies: gems.map((g) => ({ name: g.name, source: ctx.fact(null, 'Gemfile', g.line).source })),
    sourceExtensions: ['.rb', '.ru', '.rake'],
  };
}
