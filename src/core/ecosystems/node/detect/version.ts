// Runtime version of a Node (or Bun) app, and the rule that turns a declared version into one value.
//
// Node precedence (first found wins):
//   .nvmrc > .node-version > .tool-versions (`nodejs`/`node` line) > package.json volta.node > engines.node
// Version-manager files pin what developers actually run, so they beat the looser `engines` range. In a
// workspace member each kind is looked up in the member, then at the workspace root, before the next
// kind: a root `.nvmrc` beats a member's `engines.node` range (parity with what developers run).
//
// Bun apps (package manager bun): runtimeVersion is the BUN version, from
//   .bun-version > .tool-versions `bun` line > package.json packageManager `bun@x` > engines.bun
// and null when none is declared (a Node version file says nothing about the Bun runtime).
import type { Fact } from '../../../model';
import type { Folder } from './folder';
import type { PackageJson } from './package-json';
import { printable } from './printable';

/** LTS codenames nvm accepts as `lts/<name>`. `lts/*` means the newest LTS line known here. */
const LTS: Record<string, string> = {
  argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16',
  hydrogen: '18', iron: '20', jod: '22', krypton: '24',
};
const NEWEST_LTS = '24';

/**
 * Normalisation rule: the declared version with its operators removed, i.e. the lowest version the
 * declaration allows, at the precision it was written:
 *   `v20.11.1`→`20.11.1`, `^18.17.0`→`18.17.0`, `~20.11`→`20.11`, `>=18`→`18`, `>=18 <21`→`18`,
 *   `18.x`/`18.*`→`18`, `^18 || ^20`→`18` (lowest alternative), `18.0.0 - 20`→`18.0.0`,
 *   `lts/iron`→`20`, `lts/hydrogen`→`18`, `lts/jod`→`22`, `lts/*`→`24`.
 * Undefined (the source is skipped with a warning) for what names no version: `node`, `latest`,
 * `stable`, `*`, `x`, an upper bound alone (`<20`), or garbage.
 */
export function normalizeVersion(declared: string): string | undefined {
  const text = declared.trim().toLowerCase();
  const lts = /^lts\/(\*|[a-z]+)$/.exec(text);
  if (lts) return lts[1] === '*' ? NEWEST_LTS : LTS[lts[1]];
  let best: string | undefined;
  for (const alternative of text.split('||')) {
    const low = lowerBound(alternative.trim());
    if (low && (best === undefined || compare(low, best) < 0)) best = low;
  }
  return best;
}

/** The lowest version one `||` alternative allows (`>=18 <21` → `18`, `1.2.3 - 2` → `1.2.3`). */
function lowerBound(range: string): string | undefined {
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(range);
  if (hyphen) return bare(hyphen[1]);
  for (const comparator of range.split(/\s+/)) {
    const m = /^(>=|>|\^|~>|~|=|==)?\s*(.*)$/.exec(comparator)!;
    if (comparator.startsWith('<')) continue; // an upper bound says nothing about the lowest version
    const v = bare(m[2]);
    if (v) return v;
  }
  return undefined;
}

/** `v18.2.x` → `18.2`; numeric parts only, stopping at the first wildcard; `20.0.0-rc.1` → `20.0.0`. */
function bare(token: string): string | undefined {
  const m = /^v?(\d+)((?:\.(?:\d+|x|\*))*)(?:[-+].*)?$/.exec(token.trim());
  if (!m) return undefined;
  const parts = [m[1]];
  for (const p of m[2].split('.').slice(1)) {
    if (!/^\d+$/.test(p)) break;
    parts.push(p);
  }
  return parts.map((p) => String(Number(p))).join('.');
}

function compare(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** One place a version may be declared, read from a folder. */
interface Candidate { declared: string; file: string; fact: (value: string) => Fact<string> }

/** A folder to look in; `warn` (folder-relative file) is given for the app's own folder only. */
export interface VersionFolder { folder: Folder; pkg: PackageJson; warn?: (file: string, message: string) => void }

export function nodeVersion(folders: VersionFolder[]): Fact<string> | null {
  return firstUsable('Node', folders, ({ folder, pkg }) => [
    wholeFile(folder, '.nvmrc'),
    wholeFile(folder, '.node-version'),
    toolVersionsLine(folder, ['nodejs', 'node']),
    jsonKey(folder, pkg.volta.node, 'volta.node'),
    jsonKey(folder, pkg.engines.node, 'engines.node'),
  ]);
}

export function bunVersion(folders: VersionFolder[]): Fact<string> | null {
  return firstUsable('Bun', folders, ({ folder, pkg }) => [
    wholeFile(folder, '.bun-version'),
    toolVersionsLine(folder, ['bun']),
    jsonKey(folder, /^bun@(.+)$/.exec(pkg.packageManager ?? '')?.[1], 'packageManager'),
    jsonKey(folder, pkg.engines.bun, 'engines.bun'),
  ]);
}

/** Kinds in precedence order; within a kind, folders in order (app, then workspace root). */
function firstUsable(runtime: string, folders: VersionFolder[], kinds: (f: VersionFolder) => (Candidate | undefined)[]): Fact<string> | null {
  const perFolder = folders.map(kinds);
  for (let kind = 0; kind < perFolder[0].length; kind++) {
    for (let i = 0; i < folders.length; i++) {
      const c = perFolder[i][kind];
      if (!c) continue;
      const value = normalizeVersion(c.declared);
      if (value !== undefined) return c.fact(value);
      folders[i].warn?.(c.file, `no ${runtime} version can be read from "${printable(c.declared)}"; ignored`);
    }
  }
  return null;
}

/** First meaningful line of a one-value file such as `.nvmrc` (blank lines and `#` comments skipped). */
function wholeFile(folder: Folder, file: string): Candidate | undefined {
  const text = folder.read(file);
  if (text === undefined) return undefined;
  const line = text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).find((l) => l !== '');
  return line === undefined ? undefined : { declared: line, file, fact: (v) => folder.fact(v, file) };
}

/** asdf/mise `.tool-versions`: `nodejs 20.11.1` (several versions on a line: the first is the default). */
function toolVersionsLine(folder: Folder, tools: string[]): Candidate | undefined {
  const text = folder.read('.tool-versions');
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const [tool, version] = lines[i].replace(/#.*/, '').trim().split(/\s+/);
    if (version && tools.includes(tool)) return { declared: version, file: '.tool-versions', fact: (v) => folder.fact(v, '.tool-versions', i + 1) };
  }
  return undefined;
}

function jsonKey(folder: Folder, declared: string | undefined, key: string): Candidate | undefined {
  return declared === undefined ? undefined : { declared, file: 'package.json', fact: (v) => folder.fact(v, 'package.json', key) };
}
