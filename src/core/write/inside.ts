// Resolving a write target without leaving the workspace: every folder on the way is checked with lstat,
// a folder that is a symlink is followed only when its real path stays under the root's real path, and
// the final component is returned unresolved (the caller refuses links there, never follows them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { osError, RefusedError, UserError } from '../errors';

export interface InsideOptions {
  /** Create missing folders (recorded in `created`, outermost first); otherwise a missing one ends the walk. */
  create: boolean;
  created?: string[];
}

const within = (real: string, root: string) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** Absolute path for `rel` under `root`, or undefined when (not creating) a folder on the way is missing. */
export function insideRoot(root: string, rel: string, opts: InsideOptions): string | undefined {
  const segs = rel.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (segs.length === 0 || path.isAbsolute(rel) || segs.some((s) => s === '..' || s.includes('\0'))) {
    throw new RefusedError(`refusing to write outside ${root}: ${rel}`);
  }
  const realRoot = ensureRoot(root, opts);
  if (realRoot === undefined) return undefined;
  let cur = realRoot;
  for (const seg of segs.slice(0, -1)) {
    const next = path.join(cur, seg);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(next);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw osError(err, rel);
      if (!opts.create) return undefined;
      try {
        fs.mkdirSync(next);
      } catch (e) {
        throw osError(e, path.relative(realRoot, next) || rel);
      }
      opts.created?.push(next);
      cur = next;
      continue;
    }
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(next);
      } catch (err) {
        throw new RefusedError(`${path.relative(realRoot, next)} is a symbolic link that does not resolve (${(err as NodeJS.ErrnoException).code}); nothing was written`);
      }
      if (!within(real, realRoot)) throw new RefusedError(`${rel}: ${path.relative(realRoot, next)} is a symbolic link to ${real}, outside ${realRoot}; nothing was written`, 'Parity only writes inside the workspace. Replace the link with a folder.');
      if (!fs.statSync(real).isDirectory()) throw new UserError(`${rel}: ${path.relative(realRoot, next)} is not a folder; nothing was written`);
      cur = real;
      continue;
    }
    if (!st.isDirectory()) throw new UserError(`${rel}: ${path.relative(realRoot, next)} is a file where Parity needs a folder; nothing was written`, 'Move or rename it and run again.');
    cur = next;
  }
  return path.join(cur, segs[segs.length - 1]);
}

/** The root's real path; creates it (and missing parents) when writing. A root that is a file is an error. */
function ensureRoot(root: string, opts: InsideOptions): string | undefined {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new RefusedError(`${root}: a part of this path is a file, not a folder; nothing was written`);
    if (code !== 'ENOENT') throw osError(err, root);
  }
  if (st && !st.isDirectory()) throw new RefusedError(`${root} is a file, not a folder: cannot write generated files into it`, 'Point --out at a folder.');
  if (!st) {
    if (!opts.create) return undefined;
    const missing: string[] = [];
    for (let p = root; !fs.existsSync(p); p = path.dirname(p)) missing.unshift(p);
    for (const p of missing) {
      try {
        fs.mkdirSync(p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTDIR' || code === 'EEXIST') throw new RefusedError(`${root}: ${p} is not a folder; nothing was written`);
        throw osError(err, p);
      }
      opts.created?.push(p);
    }
  }
  return fs.realpathSync(root);
}
