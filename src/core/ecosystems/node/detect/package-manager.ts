// Which package manager installs the app, and the lockfile it installs from.
//
// Precedence (first found wins):
//   1. the app's package.json `packageManager` (corepack: `pnpm@9.1.0+sha…`)
//   2. a lockfile in the app folder
//   3. the workspace root's `packageManager`, 4. a lockfile at the workspace root (members have none)
//   5. `engines.pnpm` / `engines.yarn` / `engines.bun` / `engines.npm` (app, then workspace root)
//   6. a script that runs `bun`/`bunx` (Bun projects sometimes commit no lockfile)
//   7. npm, `default (no lockfile)`
// An explicit declaration beats a lockfile because a stale lockfile of another manager is a common
// leftover; the lockfile fact is then the one of the chosen manager (null if it has none).
import * as path from 'node:path';
import type { Fact, PackageManager } from '../../../model';
import { defaultFact } from '../../../detect/context';
import type { Folder } from './folder';
import type { PackageJson } from './package-json';
import { printable } from './printable';

export type NodePackageManager = Extract<PackageManager, 'npm' | 'yarn' | 'pnpm' | 'bun'>;

/** Lockfiles in the order they are preferred when several managers' lockfiles sit side by side. */
export const LOCKFILES: { file: string; manager: NodePackageManager }[] = [
  { file: 'pnpm-lock.yaml', manager: 'pnpm' },
  { file: 'yarn.lock', manager: 'yarn' },
  { file: 'bun.lock', manager: 'bun' },
  { file: 'bun.lockb', manager: 'bun' },
  { file: 'npm-shrinkwrap.json', manager: 'npm' },
  { file: 'package-lock.json', manager: 'npm' },
];

const ENGINE_KEYS: NodePackageManager[] = ['pnpm', 'yarn', 'bun', 'npm'];

export interface PackageManagerFacts {
  packageManager: Fact<NodePackageManager>;
  /** Lockfile path relative to the APP folder (`../../pnpm-lock.yaml` for a member); source names the file. */
  lockfile: Fact<string> | null;
}

export interface PmFolder { folder: Folder; pkg: PackageJson }

export function detectPackageManager(app: PmFolder, workspace: PmFolder | undefined, warn: (file: string, message: string) => void): PackageManagerFacts {
  const folders = workspace ? [app, workspace] : [app];
  const packageManager = fromField(app, warn) ?? fromLockfile(app.folder)
    ?? (workspace && (fromField(workspace) ?? fromLockfile(workspace.folder)))
    ?? fromEngines(folders) ?? fromScripts(app) ?? defaultFact<NodePackageManager>('npm', 'no lockfile');

  const lock = folders.map((f) => ({ folder: f.folder, entry: LOCKFILES.find((l) => l.manager === packageManager.value && f.folder.has(l.file)) }))
    .find((f) => f.entry !== undefined);
  const lockfile = lock?.entry ? lockFact(app.folder, lock.folder, lock.entry.file) : null;
  for (const other of LOCKFILES.filter((l) => l.manager !== packageManager.value && app.folder.has(l.file))) {
    warn(other.file, `${other.file} belongs to ${other.manager}, but ${packageManager.source} says ${packageManager.value}; it is not used`);
  }
  return { packageManager, lockfile };
}

function fromField({ folder, pkg }: PmFolder, warn?: (file: string, message: string) => void): Fact<NodePackageManager> | undefined {
  if (pkg.packageManager === undefined) return undefined;
  const m = /^(npm|yarn|pnpm|bun)(@|$)/.exec(pkg.packageManager);
  if (!m) {
    warn?.('package.json', `packageManager "${printable(pkg.packageManager)}" is not npm, yarn, pnpm or bun; ignored`);
    return undefined;
  }
  return folder.fact(m[1] as NodePackageManager, 'package.json', 'packageManager');
}

function fromLockfile(folder: Folder): Fact<NodePackageManager> | undefined {
  const found = LOCKFILES.find((l) => folder.has(l.file));
  return found && folder.fact(found.manager, found.file);
}

function fromEngines(folders: PmFolder[]): Fact<NodePackageManager> | undefined {
  for (const { folder, pkg } of folders) {
    const key = ENGINE_KEYS.find((k) => pkg.engines[k] !== undefined);
    if (key) return folder.fact(key, 'package.json', `engines.${key}`);
  }
  return undefined;
}

const RUNS_BUN = /(^|[\s;&|(])bunx?(\s|$)/;

function fromScripts({ folder, pkg }: PmFolder): Fact<NodePackageManager> | undefined {
  const names = Object.keys(pkg.scripts).sort((a, b) => Number(b === 'start') - Number(a === 'start'));
  const name = names.find((n) => RUNS_BUN.test(pkg.scripts[n]));
  return name === undefined ? undefined : folder.fact('bun', 'package.json', `scripts.${name}`);
}

function lockFact(app: Folder, holder: Folder, file: string): Fact<string> {
  const fromApp = path.posix.relative(app.dir || '.', holder.dir ? `${holder.dir}/${file}` : file);
  return holder.fact(fromApp, file);
}

/** The command that runs a package.json script with this manager. */
export function runScript(manager: NodePackageManager, script: string): string {
  return manager === 'yarn' ? `yarn ${script}` : `${manager} run ${script}`;
}
