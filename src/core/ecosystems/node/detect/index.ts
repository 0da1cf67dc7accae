// Node.js (and Bun) provider. Decisions worth knowing:
// - A workspace ROOT (package.json `workspaces`, pnpm-workspace.yaml) is not an app unless it has its own
//   start script; its members are profiled on their own and read the root's lockfile/packageManager.
// - A library (no start script, no app framework, no entry that serves) is not an app: null.
// - A malformed package.json is a warning (ctx.json records it); the folder is then profiled from what
//   is left (lockfile, version files, a server.js), so a broken manifest does not hide a real server,
//   and a folder with nothing else to go on is not reported.
import * as path from 'node:path';
import type { Provider, ProviderProfile, Dependency } from '../../../detect/provider';
import type { AppContext } from '../../../detect/context';
import { asRecord } from '../../../parse/structured';
import { staticOutputDir, detectBuild } from './build';
import { detectFramework, serverAdapter } from './framework';
import { detectPackageManager } from './package-manager';
import { toPackageJson, type PackageJson } from './package-json';
import { configPortOf, defaultPortOf } from './port';
import { detectStart } from './start';
import { bunVersion, nodeVersion, type VersionFolder } from './version';
import { findWorkspaceRoot, isWorkspaceRoot } from './workspaces';

export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.vue', '.svelte', '.astro'];

export const provider: Provider = {
  id: 'node',
  markers: ['package.json'],
  matches: (ctx) => ctx.has('package.json'),
  profile,
};

function profile(ctx: AppContext): ProviderProfile | null {
  const raw = ctx.json('package.json');
  if (raw !== undefined && !asRecord(raw)) ctx.warn('package.json', 'package.json is not a JSON object; ignored');
  const pkg = toPackageJson(raw);
  if (isWorkspaceRoot(ctx, pkg) && pkg.scripts.start === undefined) return null;

  const warn = (file: string, message: string): void => ctx.warn(file, message);
  const workspace = findWorkspaceRoot(ctx);
  const { packageManager, lockfile } = detectPackageManager({ folder: ctx, pkg }, workspace, warn);
  const bun = packageManager.value === 'bun';

  const framework = detectFramework(ctx, pkg);
  const adapter = framework ? serverAdapter(pkg, framework.id) : undefined;
  const outputDir = staticOutputDir(ctx, pkg, framework, adapter);
  const start = outputDir ? null : detectStart(ctx, pkg, framework, adapter, bun);
  if (!start && !framework) return null;
  if (framework?.id === 'sveltekit' && !start && !outputDir) {
    ctx.warn('package.json', 'SvelteKit app without @sveltejs/adapter-node or adapter-static: it has no Node server to start in a container');
  }

  const versionFolders: VersionFolder[] = [{ folder: ctx, pkg, warn }, ...(workspace ? [workspace] : [])];
  const serves = start !== null && (!['sveltekit', 'astro'].includes(framework?.id ?? '') || adapter !== undefined);
  return {
    name: pkg.name ?? (path.posix.basename(ctx.dir) || 'app'),
    runtimeVersion: bun ? bunVersion(versionFolders) : nodeVersion(versionFolders),
    packageManager,
    framework: framework?.fact ?? null,
    build: detectBuild(ctx, pkg, packageManager.value),
    start,
    lockfile,
    ...(outputDir ? { outputDir } : {}),
    configPort: configPortOf(start),
    defaultPort: defaultPortOf(framework, serves),
    dependencies: productionDependencies(ctx, pkg),
    sourceExtensions: SOURCE_EXTENSIONS,
  };
}

/** dependencies then optionalDependencies, each in file order (devDependencies never ship). */
function productionDependencies(ctx: AppContext, pkg: PackageJson): Dependency[] {
  const seen = new Set<string>();
  const out: Dependency[] = [];
  for (const table of ['dependencies', 'optionalDependencies'] as const) {
    for (const name of Object.keys(pkg[table])) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, source: ctx.fact(name, 'package.json', `${table}.${name}`).source });
    }
  }
  return out;
}
