// `parity hook install|uninstall`: an opt-in git pre-commit hook that runs `parity check`. An existing
// hook is never overwritten without --force, and uninstall removes only a hook Parity wrote.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../../core/errors';
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
    const hooks = hooksDir(abs);
    const file = path.join(hooks, 'pre-commit');
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
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
    fs.mkdirSync(hooks, { recursive: true });
    const tmp = `${file}.parity-${process.pid}.tmp`;
    fs.writeFileSync(tmp, HOOK_SCRIPT, { mode: 0o755 });
    fs.renameSync(tmp, file);
    io.out(`Installed ${file}: commits now run \`parity check\`.\n`);
    return 0;
  },
};

/** .git/hooks of the repository containing dir (worktrees and submodules: `.git` is a file with gitdir:). */
function hooksDir(start: string): string {
  let dir = start;
  for (;;) {
    const dotgit = path.join(dir, '.git');
    if (fs.existsSync(dotgit)) {
      const st = fs.statSync(dotgit);
      if (st.isDirectory()) return path.join(dotgit, 'hooks');
      const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotgit, 'utf8'));
      if (m) {
        const gitdir = path.resolve(dir, m[1].trim());
        const common = path.join(gitdir, 'commondir');
        const base = fs.existsSync(common) ? path.resolve(gitdir, fs.readFileSync(common, 'utf8').trim()) : gitdir;
        return path.join(base, 'hooks');
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new UserError(`${start} is not inside a git repository`, 'Run `git init` first.');
    dir = parent;
  }
}
