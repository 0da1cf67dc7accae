// static: a folder of plain files served as they are — an index.html at its root and no other
// ecosystem's project file — or a Hugo/Jekyll/Eleventy site that builds to one. Served by nginx as a
// non-root user, which cannot bind port 80, hence 8080.
import type { Provider, ProviderProfile } from '../../../detect/provider';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import { siteGenerator, GENERATOR_MARKERS } from './generators';
import { folderName } from './folder-name';

/** Folder names that hold a site's or an app's assets and templates rather than a site of their own. */
const ASSET_FOLDERS = new Set(['public', 'static', 'assets', 'templates', 'template', 'views', 'layouts', 'partials', 'includes', 'wwwroot', 'resources', '_site', 'docs', 'site-packages', 'fixtures', 'testdata', 'test', 'tests', 'examples', 'example']);

export const provider: Provider = {
  id: 'static',
  markers: ['index.html', ...GENERATOR_MARKERS],
  matches,
  profile,
};

function matches(ctx: AppContext): boolean {
  if (ctx.dir.split('/').some((segment) => ASSET_FOLDERS.has(segment))) return false;
  if (siteGenerator(ctx)) return true;
  if (!ctx.has('index.html')) return false;
  // A server-side template (Go, Jinja, ERB…) named index.html is not a page that can be served as is.
  return !/\{\{|\{%|<%/.test(ctx.read('index.html') ?? '');
}

function profile(ctx: AppContext): ProviderProfile {
  const gen = siteGenerator(ctx);
  return {
    name: folderName(ctx, 'site'),
    runtimeVersion: null,
    packageManager: null,
    framework: gen?.framework ?? null,
    build: gen?.build ?? null,
    start: null,
    outputDir: gen?.outputDir ?? ctx.fact('.', 'index.html'),
    defaultPort: defaultFact(8080, 'static files served by nginx as a non-root user on 8080'),
    dependencies: [],
    sourceExtensions: [],
  };
}
