// Which tool installs the app's dependencies. A lockfile is the strongest evidence (it is what the image
// build installs from), then the tool's own section in pyproject.toml / a Pipfile, then requirements files,
// then a bare pyproject.toml or setup.py (installed with pip).
import type { Fact, PackageManager } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { mainRequirementsFile } from './requirements';

export interface ManagerFacts {
  packageManager: Fact<PackageManager> | null;
  lockfile: Fact<string> | null;
}

const LOCKFILES: { file: string; manager: PackageManager; format: 'toml' | 'json' }[] = [
  { file: 'poetry.lock', manager: 'poetry', format: 'toml' },
  { file: 'uv.lock', manager: 'uv', format: 'toml' },
  { file: 'pdm.lock', manager: 'pdm', format: 'toml' },
  { file: 'Pipfile.lock', manager: 'pipenv', format: 'json' },
];

const TOOL_SECTIONS: { key: string; manager: PackageManager }[] = [
  { key: 'poetry', manager: 'poetry' },
  { key: 'uv', manager: 'uv' },
  { key: 'pdm', manager: 'pdm' },
];

export function detectPackageManager(ctx: AppContext, pyproject: Record<string, unknown> | undefined): ManagerFacts {
  for (const lock of LOCKFILES) {
    if (!ctx.has(lock.file)) continue;
    // Parsed only to report a malformed lockfile as a warning; the file's presence is the evidence.
    if (lock.format === 'toml') ctx.toml(lock.file);
    else ctx.json(lock.file);
    return { packageManager: ctx.fact(lock.manager, lock.file), lockfile: ctx.fact(lock.file, lock.file) };
  }
  const tool = pyproject?.tool;
  if (tool && typeof tool === 'object') {
    for (const { key, manager } of TOOL_SECTIONS) {
      if (key in tool) return { packageManager: ctx.fact(manager, 'pyproject.toml', `tool.${key}`), lockfile: null };
    }
  }
  if (ctx.has('Pipfile')) return { packageManager: ctx.fact('pipenv', 'Pipfile'), lockfile: null };
  const requirements = mainRequirementsFile(ctx);
  if (requirements) return { packageManager: ctx.fact('pip', requirements), lockfile: null };
  for (const file of ['pyproject.toml', 'setup.py', 'setup.cfg']) {
    if (ctx.has(file)) return { packageManager: ctx.fact('pip', file), lockfile: null };
  }
  return { packageManager: null, lockfile: null };
}
