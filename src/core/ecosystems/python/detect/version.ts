// Python version, first found wins:
//   .python-version (pyenv/uv pin) > runtime.txt (`python-3.12.1`, Heroku) > .tool-versions (asdf/mise)
//   > Pipfile [requires] python_full_version / python_version > pyproject project.requires-python
//   > pyproject tool.poetry.dependencies.python.
// A uv workspace member without its own pin uses the workspace root's .python-version, placed after the
// member's pin files and before its constraints.
// Files that pin an interpreter come before constraints in manifests; constraints are reduced to their
// lower bound (`>=3.11` → `3.11`, `^3.12` → `3.12`), exact versions are kept (`3.12.1`).
import type { Fact } from '../../../model';
import { asString, pick } from '../../../parse/structured';
import type { AppContext } from '../../../detect/context';
import { constraintFloor, leadingVersion } from './constraint';
import { toolVersionsFact } from './tool-versions';

export function pythonVersion(
  ctx: AppContext,
  pyproject: Record<string, unknown> | undefined,
  /** A pin inherited from a workspace root: weaker than the app's own pins, stronger than its constraints. */
  inherited?: () => Fact<string> | null,
): Fact<string> | null {
  const pinned = fileVersion(ctx, '.python-version') ?? fileVersion(ctx, 'runtime.txt', 'python-') ?? toolVersionsFact(ctx, 'python') ?? inherited?.();
  if (pinned) return pinned;
  if (ctx.has('Pipfile')) {
    const pipfile = ctx.toml('Pipfile');
    for (const key of ['requires.python_full_version', 'requires.python_version']) {
      const v = asString(pick(pipfile, key));
      const floor = v && constraintFloor(v);
      if (floor) return ctx.fact(floor, 'Pipfile', key);
    }
  }
  for (const key of ['project.requires-python', 'tool.poetry.dependencies.python']) {
    const v = pick(pyproject, key);
    const floor = typeof v === 'string' ? constraintFloor(v) : undefined;
    if (floor) return ctx.fact(floor, 'pyproject.toml', key);
  }
  return null;
}

function fileVersion(ctx: AppContext, file: string, prefix?: string): Fact<string> | undefined {
  const text = ctx.read(file);
  const v = text === undefined ? undefined : leadingVersion(text, prefix);
  // runtime.txt exists only to pin a version, so anything else in it is a mistake the user should see;
  // .python-version may legitimately say `system` or name a virtualenv, so it stays quiet.
  if (text !== undefined && !v && prefix) ctx.warn(file, `no Python version in "${firstWord(text)}" (expected e.g. ${prefix}3.12.1)`);
  return v ? ctx.fact(v, file) : undefined;
}

function firstWord(text: string): string {
  return (text.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('#')) ?? '').slice(0, 40);
}
