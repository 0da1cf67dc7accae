// uv workspaces: members (`[tool.uv.workspace] members = ["services/*"]` in an ancestor's pyproject.toml)
// have no lockfile of their own; they install from the workspace root's uv.lock and inherit its
// interpreter pin. Paths in the facts are relative to the scanned root (sources) or to the member (lockfile),
// as for Node workspaces.
import type { Fact, PackageManager } from '../../../model';
import { dirOf, join } from '../../../repo';
import { parseTomlText, pick } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { leadingVersion } from './constraint';

export interface UvWorkspace {
  /** Workspace root relative to the scanned root ('' for the root itself). */
  dir: string;
  packageManager: Fact<PackageManager>;
  lockfile: Fact<string> | null;
}

export function uvWorkspaceOf(ctx: AppContext): UvWorkspace | undefined {
  for (let dir = ctx.dir; dir !== ''; ) {
    dir = dirOf(dir);
    const text = ctx.repo.readText(join(dir, 'pyproject.toml'));
    if (text === undefined) continue;
    const parsed = parseTomlText(text); // the root's own profile reports it if malformed
    const members = parsed.ok ? pick(parsed.value, 'tool.uv.workspace.members') : undefined;
    if (!Array.isArray(members)) continue;
    const member = dir ? ctx.dir.slice(dir.length + 1) : ctx.dir;
    if (!members.some((m) => typeof m === 'string' && globMatches(m, member))) return undefined;
    const lock = join(dir, 'uv.lock');
    const hasLock = ctx.repo.exists(lock);
    const up = member.split('/').map(() => '..').join('/');
    return {
      dir,
      packageManager: hasLock ? { value: 'uv', source: lock } : { value: 'uv', source: `${join(dir, 'pyproject.toml')} > tool.uv.workspace` },
      lockfile: hasLock ? { value: `${up}/uv.lock`, source: lock } : null,
    };
  }
  return undefined;
}

/** The workspace root's `.python-version`, for members that pin nothing themselves. */
export function workspacePythonVersion(ctx: AppContext, ws: UvWorkspace): Fact<string> | null {
  const file = join(ws.dir, '.python-version');
  const text = ctx.repo.readText(file);
  const v = text === undefined ? undefined : leadingVersion(text);
  return v ? { value: v, source: file } : null;
}

/** `services/*` style member globs: `*` matches one path segment, `**` any number. */
function globMatches(glob: string, path: string): boolean {
  const re = glob
    .replace(/^\.\//, '')
    .replace(/\/$/, '')
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/');
  return new RegExp(`^${re}$`).test(path);
}
