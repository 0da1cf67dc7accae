// Build step, and where static front-ends write their files.
import type { Fact } from '../../../model';
import { asRecord } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { DetectedFramework } from './framework';
import { runScript, type NodePackageManager } from './package-manager';
import { declaredIn, type PackageJson } from './package-json';

/** `scripts.build` run with the app's manager (TypeScript `tsc`, `next build`, `nest build`, `vite build`…). */
export function detectBuild(ctx: AppContext, pkg: PackageJson, manager: NodePackageManager): Fact<string> | null {
  return pkg.scripts.build === undefined ? null : ctx.fact(runScript(manager, 'build'), 'package.json', 'scripts.build');
}

/**
 * Output folder of a front-end that builds to static files (the SPA convention: no start command,
 * served by a web server): Vite, CRA, Angular, Vue CLI apps, Gatsby, Astro without a server adapter, SvelteKit with
 * adapter-static, Next.js with `output: 'export'`. Null for apps that run a server.
 */
export function staticOutputDir(ctx: AppContext, pkg: PackageJson, framework: DetectedFramework | null, adapter: string | undefined): Fact<string> | null {
  switch (framework?.id) {
    case 'vite':
      return configuredOutDir(ctx, ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts']) ?? defaultFact('dist', 'vite builds into dist');
    case 'create-react-app':
      return defaultFact('build', 'react-scripts builds into build');
    case 'gatsby':
      return defaultFact('public', 'gatsby builds into public');
    case 'vue-cli':
      return defaultFact('dist', 'vue-cli-service builds into dist');
    case 'angular':
      return declaredIn(pkg, '@angular/ssr') ? null : angularOutput(ctx);
    case 'next':
      return staticExport(ctx);
    case 'astro':
      return adapter ? null : configuredOutDir(ctx, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js']) ?? defaultFact('dist', 'astro builds a static site into dist');
    case 'sveltekit':
      return declaredIn(pkg, '@sveltejs/adapter-static')
        ? defaultFact('build', '@sveltejs/adapter-static writes build') : null;
    default:
      return null;
  }
}

/**
 * Angular: `outputPath` of the first project's build target in angular.json. The `application`
 * builder (Angular 17+) writes the browser files to `<outputPath>/browser`; the older `browser`
 * builder writes them to `<outputPath>` itself. The CLI default is `dist/<project>`.
 */
function angularOutput(ctx: AppContext): Fact<string> {
  const projects = asRecord(asRecord(ctx.json('angular.json'))?.projects) ?? {};
  const name = Object.keys(projects)[0];
  if (name === undefined) return defaultFact('dist', 'angular builds into dist');
  const build = asRecord(asRecord(asRecord(projects[name])?.architect)?.build);
  const application = /:application$/.test(String(build?.builder ?? ''));
  const declared = asRecord(build?.options)?.outputPath;
  const where = `projects.${name}.architect.build.options.outputPath`;
  const sub = (base: string, browser: unknown): string => {
    const folder = typeof browser === 'string' ? clean(browser) : 'browser'; // `browser: ''` means the base itself
    return application && folder !== '' ? `${base}/${folder}` : base;
  };
  if (typeof declared === 'string') return ctx.fact(sub(clean(declared), undefined), 'angular.json', where);
  const base = asRecord(declared)?.base;
  if (typeof base === 'string') return ctx.fact(sub(clean(base), asRecord(declared)?.browser), 'angular.json', `${where}.base`);
  return defaultFact(sub(`dist/${name}`, undefined), 'angular builds into dist/<project>');
}

function clean(dir: string): string {
  return dir.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** `output: 'export'` in next.config: `next build` writes a static site to `out`. */
function staticExport(ctx: AppContext): Fact<string> | null {
  for (const file of ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs']) {
    const line = ctx.lineOf(file, /\boutput\s*:\s*['"`]export['"`]/);
    if (line !== undefined) return ctx.fact('out', file, line);
  }
  return null;
}

/** `outDir: 'public/app'` in a bundler config, with its line. */
function configuredOutDir(ctx: AppContext, configs: string[]): Fact<string> | undefined {
  for (const file of configs) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /\boutDir\s*:\s*['"`]([^'"`]+)['"`]/.exec(lines[i]);
      if (m) return ctx.fact(m[1].replace(/^\.\//, '').replace(/\/+$/, ''), file, i + 1);
    }
  }
  return undefined;
}
