// What a Node install needs besides package.json and the lockfile, and which package-manager version reads
// the lockfile. Real repositories fail their first `npm ci`/`pnpm install` in a container because of a file
// the install reads (pnpm-workspace.yaml, .npmrc, Yarn's yarnPath release and plugins, the Prisma schema
// @prisma/client generates from) or a root lifecycle script that needs the sources (`prepare: nuxt prepare`)
// or .git (`husky`, `simple-git-hooks`).
import type { NodeManifest } from './production-start';

export interface InstallClosure {
  /** Files or folders (relative to the context) copied with the manifests, before the install. */
  files: string[];
  /** Root lifecycle scripts that need the sources: run after `COPY . .` in the build stage. */
  afterSources: string[];
  /** Root lifecycle scripts exist: the install skips them (and rebuilds dependencies' own scripts). */
  ignoreRootScripts: boolean;
  /** `corepack prepare pnpm@X --activate` when nothing pins pnpm but the lockfile format needs a major. */
  pnpmVersion?: string;
  notes: string[];
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'];
/** Git hook installers: they need .git, which is never in a build context, and do nothing for an image. */
const GIT_HOOKS = /\b(husky|simple-git-hooks|lefthook|is-ci|git config)\b/;

/** pnpm major per lockfileVersion (6.x: pnpm 8; 9.0: pnpm 9 and 10; 5.x: pnpm 7). */
function pnpmForLockfile(lockText: string | undefined): string | undefined {
  const v = /^lockfileVersion:\s*['"]?(\d+)(?:\.(\d+))?/m.exec(lockText ?? '')?.[1];
  if (v === '5') return '7.33.7';
  if (v === '6') return '8.15.9';
  if (v === '9') return '9.15.9';
  return undefined;
}

export function nodeInstallClosure(opts: {
  read: (rel: string) => string | undefined;
  exists: (rel: string) => boolean;
  pm: string;
  manifest: NodeManifest | null;
  packageJson: Record<string, unknown> | null;
  lockName: string | undefined;
}): InstallClosure {
  const { read, exists, pm, manifest, packageJson } = opts;
  const files: string[] = [];
  const notes: string[] = [];
  if (pm === 'pnpm' && exists('pnpm-workspace.yaml')) {
    files.push('pnpm-workspace.yaml');
    // Members named plainly (`- proxy`) are part of the lockfile's importers: their manifests are needed.
    for (const m of (read('pnpm-workspace.yaml') ?? '').matchAll(/^\s*-\s*["']?([A-Za-z0-9_./@-]+?)\/?["']?\s*$/gm)) {
      if (!m[1].includes('*') && exists(`${m[1]}/package.json`)) files.push(`${m[1]}/package.json`);
    }
  }
  if (exists('.npmrc')) files.push('.npmrc');
  const yarnrc = read('.yarnrc.yml');
  const yarnPath = yarnrc ? /^yarnPath:\s*["']?([^"'\s]+)/m.exec(yarnrc)?.[1] : undefined;
  // Taken as .yarnrc.yml names them (releases are over the reader's size limit): Yarn needs them to start.
  if (yarnPath) files.push(yarnPath.replace(/^\.\//, ''));
  for (const m of (yarnrc ?? '').matchAll(/^\s*-?\s*path:\s*["']?([^"'\s]+)/gm)) files.push(m[1].replace(/^\.\//, ''));
  const deps = manifest?.deps ?? new Set<string>();
  if (deps.has('@prisma/client') || deps.has('prisma')) {
    const custom = (packageJson?.prisma as { schema?: unknown } | undefined)?.schema;
    const schema = typeof custom === 'string' ? custom.replace(/^\.\//, '') : exists('prisma/schema.prisma') ? 'prisma/schema.prisma' : exists('schema.prisma') ? 'schema.prisma' : undefined;
    if (schema && exists(schema)) files.push(schema);
  }
  const scripts = manifest?.scripts ?? {};
  const present = LIFECYCLE.filter((k) => scripts[k] !== undefined);
  const afterSources = present.filter((k) => !GIT_HOOKS.test(scripts[k]));
  const skipped = present.filter((k) => GIT_HOOKS.test(scripts[k]));
  if (skipped.length) notes.push(`root ${skipped.join('/')} (${skipped.map((k) => scripts[k]).join('; ')}) installs git hooks: skipped in the image (no .git in a build context)`);
  if (afterSources.length) notes.push(`root ${afterSources.join('/')} runs after the sources are copied (it reads them), not in the cached install layer`);
  const pinned = typeof packageJson?.packageManager === 'string' && /^pnpm@/.test(packageJson.packageManager as string);
  const pnpmVersion = pm === 'pnpm' && !pinned && opts.lockName ? pnpmForLockfile(read(opts.lockName)) : undefined;
  return { files: [...new Set(files)], afterSources, ignoreRootScripts: present.length > 0, pnpmVersion, notes };
}
