// Monorepo workspaces (npm, yarn, pnpm, bun). A workspace ROOT is not an app by itself; a workspace
// MEMBER takes what it lacks (lockfile, packageManager, version files) from its root.
import * as path from 'node:path';
import { asRecord, parseYamlDocs } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { repoFolder, readJsonQuietly, type Folder } from './folder';
import { toPackageJson, type PackageJson } from './package-json';

export interface Workspace {
  folder: Folder;
  pkg: PackageJson;
}

/** Does this folder declare workspaces (`workspaces` in package.json, or pnpm-workspace.yaml)? */
export function isWorkspaceRoot(ctx: AppContext, pkg: PackageJson): boolean {
  if (!ctx.has('pnpm-workspace.yaml')) return pkg.workspaces !== undefined;
  ctx.yaml('pnpm-workspace.yaml'); // parsed here so a broken file becomes a warning (members read it quietly)
  return true;
}

/** The nearest ancestor folder whose workspace patterns include the app's folder. */
export function findWorkspaceRoot(ctx: AppContext): Workspace | undefined {
  if (ctx.dir === '') return undefined;
  const parts = ctx.dir.split('/');
  for (let n = parts.length - 1; n >= 0; n--) {
    const folder = repoFolder(ctx.repo, parts.slice(0, n).join('/'));
    const pkg = toPackageJson(readJsonQuietly(folder, 'package.json'));
    const patterns = pkg.workspaces ?? pnpmPatterns(folder);
    if (patterns && matchesWorkspace(patterns, parts.slice(n).join('/'))) return { folder, pkg };
  }
  return undefined;
}

function pnpmPatterns(folder: Folder): string[] | undefined {
  const text = folder.read('pnpm-workspace.yaml');
  if (text === undefined) return undefined;
  const parsed = parseYamlDocs(text);
  if (!parsed.ok) return undefined;
  const packages = asRecord(parsed.value[0])?.packages;
  return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string') : undefined;
}

/** Workspace globs: `*` is one path segment, `**` any depth, `!pattern` excludes. */
export function matchesWorkspace(patterns: string[], rel: string): boolean {
  let matched = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const re = globToRegExp(negated ? raw.slice(1) : raw);
    if (re.test(rel)) matched = !negated;
  }
  return matched;
}

const NEVER = /(?!)/;
const MAX_GLOB = 1000;

/** `{a,b}` alternatives (nestable) are supported as npm's minimatch does; unbalanced braces never match. */
function globToRegExp(glob: string): RegExp {
  const clean = path.posix.normalize(glob.trim()).replace(/^\.\//, '').replace(/\/+$/, '');
  let re = '';
  let braces = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '*' && clean[i + 1] === '*') {
      re += '.*';
      i++;
      if (clean[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  if (braces !== 0 || glob.length > MAX_GLOB) return NEVER;
  // Runs of wildcards match what one does; collapsing them keeps a hostile `**/**/**/…` from backtracking.
  re = re.replace(/(?:\.\*|\[\^\/\]\*)*\.\*(?:\.\*|\[\^\/\]\*)*/g, '.*').replace(/(?:\[\^\/\]\*)+/g, '[^/]*');
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return NEVER; // e.g. braces nested deeper than the regex engine allows
  }
}
