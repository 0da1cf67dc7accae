// Static site generators recognised without a package manager of their own (an Eleventy site has a
// package.json and a Jekyll site a Gemfile, so those usually reach the Node/Ruby providers first).
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { asString } from '../../../parse/structured';

export interface Generator {
  framework: Fact<string>;
  build: Fact<string>;
  outputDir: Fact<string>;
}

export function siteGenerator(ctx: AppContext): Generator | undefined {
  return hugo(ctx) ?? jekyll(ctx) ?? eleventy(ctx);
}

function hugo(ctx: AppContext): Generator | undefined {
  // `config.toml` is too common a name to mean Hugo on its own: require Hugo's content/layouts folders.
  const hasSiteDirs = ctx.files.some((f) => /^(content|layouts|themes|archetypes)\//.test(f));
  const config = ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml'].find((f) => ctx.has(f) && (f.startsWith('hugo.') || hasSiteDirs));
  if (!config) return undefined;
  const publishDir = config.endsWith('.toml') ? asString(ctx.toml(config)?.publishDir) : undefined;
  return {
    framework: ctx.fact('hugo', config),
    build: ctx.fact('hugo --minify', config),
    outputDir: publishDir ? ctx.fact(publishDir, config, 'publishDir') : { value: 'public', source: 'default (hugo writes to public/)' },
  };
}

function jekyll(ctx: AppContext): Generator | undefined {
  if (!ctx.has('_config.yml') || !ctx.files.some((f) => /^(_posts|_layouts|_includes)\//.test(f) || f === 'index.md')) return undefined;
  return {
    framework: ctx.fact('jekyll', '_config.yml'),
    build: ctx.fact('jekyll build', '_config.yml'),
    outputDir: { value: '_site', source: 'default (jekyll writes to _site/)' },
  };
}

function eleventy(ctx: AppContext): Generator | undefined {
  const config = ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js'].find((f) => ctx.has(f));
  if (!config) return undefined;
  return {
    framework: ctx.fact('eleventy', config),
    build: ctx.fact('npx @11ty/eleventy', config),
    outputDir: { value: '_site', source: 'default (eleventy writes to _site/)' },
  };
}

export const GENERATOR_MARKERS = ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', '_config.yml', '.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs'];
