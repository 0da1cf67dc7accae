// Production dependencies, in file order, from the manifest of the package manager in use. Dev groups
// (`[tool.poetry.group.dev]`, `[dev-packages]`, `[dependency-groups]`, requirements-dev.txt…) are left out.
// pip projects: the main requirements file, else `[project] dependencies`, else setup.py/setup.cfg.
import type { PackageManager } from '../../../model';
import { asRecord, pick } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';
import { normalizeName } from './names';
import { pep508Name } from './pep508';
import { mainRequirementsFile, readRequirements } from './requirements';
import { setuptoolsDependencies } from './setuptools';

export function pythonDependencies(ctx: AppContext, manager: PackageManager | undefined, pyproject: Record<string, unknown> | undefined): Dependency[] {
  if (manager === 'pipenv') return tableDependencies(ctx, 'Pipfile', asRecord(pick(ctx.toml('Pipfile'), 'packages')), 'packages');
  const project = projectDependencies(ctx, pyproject);
  if (manager === 'poetry' && project.length === 0) {
    return tableDependencies(ctx, 'pyproject.toml', asRecord(pick(pyproject, 'tool.poetry.dependencies')), 'tool.poetry.dependencies');
  }
  if (manager === 'pip') {
    const requirements = mainRequirementsFile(ctx);
    if (requirements) return readRequirements(ctx, requirements);
    if (project.length === 0) return setuptoolsDependencies(ctx);
  }
  return project;
}

function projectDependencies(ctx: AppContext, pyproject: Record<string, unknown> | undefined): Dependency[] {
  const list = pick(pyproject, 'project.dependencies');
  if (!Array.isArray(list)) return [];
  const source = ctx.fact(null, 'pyproject.toml', 'project.dependencies').source;
  return list.flatMap((spec) => {
    const name = typeof spec === 'string' ? pep508Name(spec) : undefined;
    return name ? [{ name, source }] : [];
  });
}

/** `name = "version"` tables (Poetry, Pipfile); TOML keeps the file's key order. */
function tableDependencies(ctx: AppContext, file: string, table: Record<string, unknown> | undefined, path: string): Dependency[] {
  if (!table) return [];
  return Object.keys(table)
    .filter((key) => key.toLowerCase() !== 'python')
    .map((key) => ({ name: normalizeName(key), source: ctx.fact(null, file, `${path}.${key}`).source }));
}
