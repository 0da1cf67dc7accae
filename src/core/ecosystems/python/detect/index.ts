// Python apps: pip, Poetry, Pipenv, uv and PDM projects; Django, Flask, FastAPI, Streamlit or plain scripts.
// A folder is an app only when something runs: manage.py, a Flask/FastAPI app object, a Streamlit script,
// a Procfile `web:` line (which then wins as the start command), or main.py/app.py. A package
// (pyproject.toml/setup.py) with none of these is a library — `[project.scripts]` alone makes a CLI tool,
// not a service — and a stray requirements file (docs/requirements.txt for a docs build) is not an app.
// Precedences: version.ts (interpreter), package-manager.ts (tool and lockfile), web-apps.ts/django.ts
// (server command and port).
import { pick } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { oncePerFolder, type Provider, type ProviderProfile } from '../../../detect/provider';
import { djangoEntry } from './django';
import { folderName } from './folder-name';
import { pythonDependencies } from './dependencies';
import { detectPackageManager } from './package-manager';
import { plainEntry } from './plain';
import { procfileWeb } from './procfile';
import { streamlitEntry } from './streamlit';
import { pythonVersion } from './version';
import { webAppEntry } from './web-apps';
import { uvWorkspaceOf, workspacePythonVersion } from './uv-workspace';

const profileOf = oncePerFolder(buildProfile);

export const provider: Provider = {
  id: 'python',
  markers: ['pyproject.toml', 'Pipfile', 'setup.py', 'manage.py', /^requirements[\w.-]*\.txt$/],
  matches(ctx) {
    if (profileOf(ctx)) return true;
    // A library claims its folder (so no other provider mistakes it for an app) unless it is really a Node package.
    return (ctx.has('pyproject.toml') || ctx.has('setup.py')) && !ctx.has('package.json');
  },
  profile: profileOf,
};

function buildProfile(ctx: AppContext): ProviderProfile | null {
  const pyproject = ctx.toml('pyproject.toml');
  const own = detectPackageManager(ctx, pyproject);
  // A uv workspace member without a lockfile of its own installs from the workspace root's.
  const workspace = own.lockfile ? undefined : uvWorkspaceOf(ctx);
  const { packageManager, lockfile } = workspace ?? own;
  const dependencies = pythonDependencies(ctx, packageManager?.value, pyproject);
  const entry = djangoEntry(ctx, dependencies) ?? webAppEntry(ctx, dependencies) ?? streamlitEntry(ctx, dependencies) ?? plainEntry(ctx);
  const procfile = pythonProcfile(ctx);
  if (!entry && !procfile) return null;
  return {
    name: appName(ctx, pyproject, entry?.name),
    runtimeVersion: pythonVersion(ctx, pyproject, workspace && (() => workspacePythonVersion(ctx, workspace))),
    packageManager,
    framework: entry?.framework ?? null,
    build: entry?.build ?? null,
    start: procfile?.start ?? entry?.start ?? null,
    lockfile,
    configPort: procfile?.configPort ?? entry?.configPort ?? null,
    defaultPort: entry?.defaultPort ?? null,
    dependencies,
    sourceExtensions: ['.py'],
  };
}

function appName(ctx: AppContext, pyproject: Record<string, unknown> | undefined, fromEntry: string | undefined): string {
  const declared = [pick(pyproject, 'project.name'), pick(pyproject, 'tool.poetry.name')].find((v): v is string => typeof v === 'string' && v !== '');
  return declared ?? fromEntry ?? folderName(ctx);
}

/** The Procfile's web command, unless it starts a Node server (a front-end next to a stray requirements file). */
function pythonProcfile(ctx: AppContext) {
  const web = procfileWeb(ctx);
  return web && !/^(npm|npx|node|yarn|pnpm|bun|deno)\b/.test(web.start.value) ? web : undefined;
}
