// How a Ruby web app starts, chosen to be what a production container would run:
//   Procfile `web:` (handled by the provider) beats all of these.
//   Rails: `bundle exec puma -C config/puma.rb` when Puma is bundled and configured (what `rails server`
//     runs anyway, without the dev-only boot checks), else `bundle exec rails server -b 0.0.0.0`; port 3000.
//     `rails assets:precompile` is the build step when the asset pipeline (sprockets-rails/propshaft) is bundled.
//   Rack apps (config.ru: Sinatra modular, Roda, Grape, Hanami, plain Rack): `bundle exec puma -C config/puma.rb`,
//     or Puma/rackup bound to 0.0.0.0:9292 (rackup's default port).
//   Classic Sinatra (no config.ru): `bundle exec ruby app.rb -o 0.0.0.0`; port 4567 or `set :port`.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { Gem } from './gemfile';
import { pumaPort, sinatraPort } from './ports';

export interface RubyEntry {
  framework: Fact<string>;
  start: Fact<string>;
  build: Fact<string> | null;
  configPort: Fact<number> | null;
  defaultPort: Fact<number>;
  name?: string;
}

const RACK_FRAMEWORKS = ['sinatra', 'roda', 'grape', 'hanami', 'hanami-router'];

export function rubyEntry(ctx: AppContext, gems: Gem[]): RubyEntry | undefined {
  const gem = (name: string) => gems.find((g) => g.name === name);
  const gemFact = (g: Gem) => ctx.fact(g.name, 'Gemfile', g.line);
  const puma = gem('puma') && ctx.has('config/puma.rb');

  const rails = gem('rails') ?? gem('railties');
  if (rails && ctx.has('config/application.rb')) {
    const assets = gem('sprockets-rails') ?? gem('propshaft');
    return {
      framework: { ...gemFact(rails), value: 'rails' },
      start: puma ? ctx.fact('bundle exec puma -C config/puma.rb', 'config/puma.rb') : ctx.fact('bundle exec rails server -b 0.0.0.0', 'config/application.rb'),
      build: assets ? ctx.fact('bundle exec rails assets:precompile', 'Gemfile', assets.line) : null,
      configPort: puma ? pumaPort(ctx) : null,
      defaultPort: defaultFact(3000, 'Rails listens on 3000'),
      name: railsModule(ctx),
    };
  }

  const framework = RACK_FRAMEWORKS.map(gem).find((g) => g !== undefined);
  if (ctx.has('config.ru')) {
    const start = puma
      ? ctx.fact('bundle exec puma -C config/puma.rb', 'config/puma.rb')
      : ctx.fact(gem('puma') ? 'bundle exec puma --bind tcp://0.0.0.0:9292' : 'bundle exec rackup --host 0.0.0.0 --port 9292', 'config.ru');
    return {
      framework: framework ? { ...gemFact(framework), value: framework.name.replace(/-router$/, '') } : ctx.fact('rack', 'config.ru'),
      start,
      build: null,
      configPort: puma ? pumaPort(ctx) : null,
      defaultPort: defaultFact(9292, `${puma || gem('puma') ? 'Puma' : 'rackup'} serves config.ru on 9292`),
    };
  }

  const sinatra = gem('sinatra');
  const main = sinatra && classicSinatraFile(ctx);
  if (sinatra && main) {
    return {
      framework: { ...gemFact(sinatra), value: 'sinatra' },
      start: ctx.fact(`bundle exec ruby ${main} -o 0.0.0.0`, main),
      build: null,
      configPort: sinatraPort(ctx, main),
      defaultPort: defaultFact(4567, 'Sinatra listens on 4567'),
    };
  }
  return undefined;
}

/** The top-level .rb file that requires sinatra, app.rb first. */
function classicSinatraFile(ctx: AppContext): string | undefined {
  const top = ctx.files.filter((f) => !f.includes('/') && f.endsWith('.rb')).sort((a, b) => (a === 'app.rb' ? -1 : b === 'app.rb' ? 1 : a < b ? -1 : 1));
  return top.find((f) => /^[ \t]*require[ \t]*\(?[ \t]*['"]sinatra(\/base)?['"]/m.test(ctx.read(f) ?? ''));
}

/** `module BlogApp` in config/application.rb → `blog-app`. */
function railsModule(ctx: AppContext): string | undefined {
  const m = /^[ \t]*module[ \t]+([A-Z]\w*)/m.exec(ctx.read('config/application.rb') ?? '');
  return m?.[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
