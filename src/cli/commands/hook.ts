// `parity hook install|uninstall`: an opt-in git pre-commit hook that runs `parity check`. An existing
// hook is never overwritten without --force, and uninstall removes only a hook Parity wrote.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RefusedError, UserError } from '../../core/errors';
import { DiskTarget } from '../../core/write';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../io';
import { resolveDir } from '../paths';

const usage = `parity hook install [dir] [--force]
parity hook uninstall [dir]

install writes .git/hooks/pre-commit running \`parity check\` (fails the commit on errors). An existing
hook is kept unless --force. uninstall removes the hook only if Parity wrote it.`;

export const MARKER = '# parity pre-commit hook';

export const HOOK_SCRIPT = `#!/bin/sh
${MARKER} (written by \`parity hook install\`; delete this file to turn it off)
# Runs Parity's offline checks: manifest schemas, Dockerfile/manifest/code consistency, static drift.
cd "$(git rev-parse --show-toplevel)" || exit 1
if command -v parity >/dev/null 2>&1; then
  exec parity check .
fi
exec npx --no-install parity check .
`;

export const hookCommand: Command = {
  name: 'hook',
  summary: 'install an opt-in git pre-commit hook running parity check',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['force'] });
    const [action, dir] = args.positionals;
    if (action !== 'install' && action !== 'uninstall') throw new UsageError(action ? `unknown action '${action}'` : 'say install or uninstall');
    const { abs } = resolveDir(io.cwd, dir);
    const rel = hookPath(abs);
    const file = path.join(abs, rel);
    const target = new DiskTarget(abs);
    const existing = target.read(rel);
    if (action === 'uninstall') {
      if (existing === undefined) {
        io.out('No pre-commit hook installed.\n');
        return 0;
      }
      if (!existing.includes(MARKER)) throw new UserError(`${file} was not written by Parity; left as it is`);
      fs.rmSync(file);
      io.out(`Removed ${file}\n`);
      return 0;
    }
    if (existing !== undefined && existing !== HOOK_SCRIPT && !args.flags.force) {
      throw new UserError(`${file} already exists`, existing.includes(MARKER) ? 'It is an older Parity hook; pass --force to replace it.' : 'Pass --force to replace it, or call `parity check` from your own hook.');
    }
    target.writeAll([{ path: rel, content: HOOK_SCRIPT, mode: 0o755 }]);
    io.out(`Installed ${file}: commits now run \`parity check\`.\n`);
    return 0;
  },
};

/**
 * The hook's path relative to dir, which must be the repository's top folder with a real `.git` folder in
 * it. Parity writes nothing outside the folder it was given: a parent repository, a `.git` file pointing
 * elsewhere (worktree, submodule) or a `.git`/`hooks` link leaving the folder is refused, not followed.
 */
function hookPath(abs: string): string {
  const dotgit = path.join(abs, '.git');
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(dotgit);
  } catch { /* not here */ }
  if (!st) {
    for (let dir = path.dirname(abs); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, '.git'))) {
        throw new RefusedError(`${abs} is inside the git repository at ${dir}, not its top folder: Parity writes only inside the folder it is given`, `Run \`parity hook install ${dir}\` to install the hook for that repository.`);
      }
    }
    throw new UserError(`${abs} is not inside a git repository`, 'Run `git init` first.');
  }
  if (st.isFile()) {
    const m = /^gitdir:\s*(.+)$/m.exec(readSmallText(dotgit) ?? '');
    const gitdir = m ? path.resolve(abs, m[1].trim()) : '(unreadable)';
    throw new RefusedError(`${dotgit} is a file pointing at ${gitdir} (a worktree or submodule): its hooks live outside ${abs}`, 'Install the hook from the main repository\'s folder.');
  }
  if (!st.isDirectory() && !st.isSymbolicLink()) throw new RefusedError(`${dotgit} is not a folder`);
  // A symlinked .git or .git/hooks is checked (and refused when it leaves abs) by DiskTarget.
  return '.git/hooks/pre-commit';
}

/** A small regular file's text; undefined for anything else (a FIFO never blocks). */
function readSmallText(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() && st.size < 64 * 1024 ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
