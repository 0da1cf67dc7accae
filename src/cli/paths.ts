import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

/** Resolves the folder argument; the display form is what JSON output prints as `root`. */
export function resolveDir(cwd: string, arg: string | undefined): { abs: string; display: string } {
  const display = arg ?? '.';
  const abs = path.resolve(cwd, display);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new UsageError(`${display}: no such folder`);
  }
  if (!st.isDirectory()) throw new UsageError(`${display}: not a folder`);
  return { abs, display };
}
