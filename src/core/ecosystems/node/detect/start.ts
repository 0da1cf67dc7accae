// How the app starts in production (Angular SSR: its `serve:ssr:<project>` script). Order:
//   scripts["start:prod"] (NestJS and others keep the production command there, `start` runs a watcher)
//   > scripts.start > the framework's own server entry (next, nuxt, sveltekit adapter-node, astro node)
//   > `main` > server.js / index.js / app.js at the folder root (Bun: also server.ts / index.ts / app.ts).
// `main` and the root files count only when they serve something: the file calls listen()/createServer()
// /Bun.serve(), or a server framework is a production dependency, or the file is server.js. That is
// what separates an app from a library, whose `main` is an entry point nobody runs.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { DetectedFramework } from './framework';
import type { PackageJson } from './package-json';

const SERVER_SIGNAL = /\.listen\s*\(|\bcreateServer\s*\(|\bBun\.serve\s*\(|\bserve\s*\(\s*\{/;
const NODE_ENTRIES = ['server.js', 'server.mjs', 'index.js', 'index.mjs', 'app.js', 'app.mjs'];
const BUN_ENTRIES = ['server.ts', 'index.ts', 'app.ts', 'server.js', 'index.js', 'app.js'];

/** Start commands of frameworks that ship their own production server, used when no script says one. */
function frameworkStart(framework: DetectedFramework, adapter: string | undefined): Fact<string> | null {
  switch (framework.id) {
    case 'next': return defaultFact('npx next start', 'next serves its build with next start');
    case 'nuxt': return defaultFact('node .output/server/index.mjs', 'nuxt build writes .output/server/index.mjs');
    case 'nestjs': return defaultFact('node dist/main', 'nest build writes dist/main.js');
    case 'sveltekit': return adapter ? defaultFact('node build', `${adapter} writes build/index.js`) : null;
    case 'astro': return adapter ? defaultFact('node ./dist/server/entry.mjs', `${adapter} writes dist/server/entry.mjs`) : null;
    default: return null;
  }
}

export function detectStart(ctx: AppContext, pkg: PackageJson, framework: DetectedFramework | null, adapter: string | undefined, bun: boolean): Fact<string> | null {
  if (framework?.id === 'angular') {
    // Angular SSR: `start` is `ng serve` (a dev server); the CLI generates `serve:ssr:<project>`.
    const ssr = Object.keys(pkg.scripts).find((s) => s.startsWith('serve:ssr'));
    return ssr === undefined ? null : ctx.fact(pkg.scripts[ssr], 'package.json', `scripts.${ssr}`);
  }
  for (const script of ['start:prod', 'start']) {
    if (pkg.scripts[script] !== undefined) return ctx.fact(pkg.scripts[script], 'package.json', `scripts.${script}`);
  }
  const own = framework && frameworkStart(framework, adapter);
  if (own) return own;

  const serves = framework?.server === true;
  const runner = bun ? 'bun' : 'node';
  if (pkg.main !== undefined) {
    const main = pkg.main.replace(/^\.\//, '');
    if (serves || isServerFile(ctx, main)) return ctx.fact(`${runner} ${main}`, 'package.json', 'main');
  }
  for (const file of bun ? BUN_ENTRIES : NODE_ENTRIES) {
    if (ctx.has(file) && (serves || file.startsWith('server.') || isServerFile(ctx, file))) return ctx.fact(`${runner} ${file}`, file);
  }
  return null;
}

/**
 * Does the entry (or, for a compiled `dist/x.js` not in the tree, its `src/x.ts`) start a server?
 * `main` may omit the extension or name a folder, as Node's resolution allows.
 */
export function isServerFile(ctx: AppContext, file: string): boolean {
  const compiled = /^(?:dist|build|lib|out)\/(.+)\.[cm]?js$/.exec(file);
  const candidates = [file, `${file}.js`, `${file}/index.js`, ...(compiled ? [`src/${compiled[1]}.ts`, `src/${compiled[1]}.js`] : [])];
  const text = candidates.map((f) => ctx.read(f)).find((t) => t !== undefined);
  return text !== undefined && SERVER_SIGNAL.test(text);
}
