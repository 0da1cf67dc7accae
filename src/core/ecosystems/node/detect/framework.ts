// Web frameworks, recognised by the package that defines them. Meta-frameworks come first: a Remix or
// Nest app also depends on Express, and most front-end frameworks bring Vite along.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { declaredIn, type PackageJson } from './package-json';

export type NodeFramework =
  | 'nestjs' | 'next' | 'nuxt' | 'remix' | 'sveltekit' | 'astro' | 'gatsby'
  | 'fastify' | 'express' | 'koa' | 'hapi' | 'hono' | 'elysia' | 'angular' | 'vue-cli' | 'create-react-app' | 'vite';

interface FrameworkRule {
  id: NodeFramework;
  packages: string[];
  /** Port its production server listens on when nothing configures one. */
  defaultPort?: number;
  /** A server library: counts only as a production dependency (test servers live in devDependencies). */
  server?: true;
  /** A file the folder must hold (Vite is also a library bundler; an app has an index.html). */
  needs?: string;
}

export const FRAMEWORKS: FrameworkRule[] = [
  { id: 'nestjs', server: true, packages: ['@nestjs/core'] },
  { id: 'next', packages: ['next'], defaultPort: 3000 },
  { id: 'nuxt', packages: ['nuxt', 'nuxt3'], defaultPort: 3000 },
  { id: 'remix', packages: ['@remix-run/node', '@remix-run/serve', '@remix-run/express', '@remix-run/dev'], defaultPort: 3000 },
  { id: 'sveltekit', packages: ['@sveltejs/kit'], defaultPort: 3000 },
  { id: 'astro', packages: ['astro'], defaultPort: 4321 },
  { id: 'gatsby', packages: ['gatsby'] },
  { id: 'fastify', server: true, packages: ['fastify'] },
  { id: 'express', server: true, packages: ['express'] },
  { id: 'koa', server: true, packages: ['koa'] },
  { id: 'hapi', server: true, packages: ['@hapi/hapi'] },
  { id: 'hono', server: true, packages: ['hono'], defaultPort: 3000 }, // Bun's default export server and @hono/node-server both use 3000
  { id: 'elysia', server: true, packages: ['elysia'] },
  { id: 'angular', packages: ['@angular/core'], needs: 'angular.json' },
  { id: 'vue-cli', packages: ['@vue/cli-service'] },
  { id: 'create-react-app', packages: ['react-scripts'] },
  { id: 'vite', packages: ['vite'], needs: 'index.html' },
];

export interface DetectedFramework {
  id: NodeFramework;
  fact: Fact<string>;
  /** A server library (Express, Fastify…) rather than a framework with its own build and server. */
  server: boolean;
  defaultPort?: number;
}

export function detectFramework(ctx: AppContext, pkg: PackageJson): DetectedFramework | null {
  for (const rule of FRAMEWORKS) {
    if (rule.needs && !ctx.has(rule.needs)) continue;
    for (const name of rule.packages) {
      const table = declaredIn(pkg, name);
      if (table && !(rule.server && table === 'devDependencies')) {
        const fact = ctx.fact<string>(rule.id, 'package.json', `${table}.${name}`);
        return { id: rule.id, fact, server: rule.server === true, defaultPort: rule.defaultPort };
      }
    }
  }
  return null;
}

/** The dependency that gives a framework a server (SvelteKit adapter-node, Astro's node adapter), if any. */
export function serverAdapter(pkg: PackageJson, framework: NodeFramework): string | undefined {
  const adapter = framework === 'sveltekit' ? '@sveltejs/adapter-node' : framework === 'astro' ? '@astrojs/node' : undefined;
  return adapter && declaredIn(pkg, adapter) ? adapter : undefined;
}
