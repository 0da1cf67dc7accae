// A read-only view of one folder of the scanned tree. The app's own folder is its AppContext; the
// workspace root of a monorepo member is read straight from the repo, with root-relative sources.
import type { Fact } from '../../../model';
import type { RepoReader } from '../../../repo';
import { join } from '../../../repo';
import { sourceOf } from '../../../detect/context';
import { parseJson } from '../../../parse/structured';

export interface Folder {
  /** Folder relative to the scanned root, '' for the root. */
  readonly dir: string;
  has(file: string): boolean;
  read(file: string): string | undefined;
  fact<T>(value: T, file: string, where?: string | number): Fact<T>;
}

export function repoFolder(repo: RepoReader, dir: string): Folder {
  return {
    dir,
    has: (file) => repo.exists(join(dir, file)),
    read: (file) => repo.readText(join(dir, file)),
    fact: (value, file, where) => ({ value, source: sourceOf(join(dir, file), where) }),
  };
}

/** JSON of a file outside the app (its own context reports malformed files), undefined when unusable. */
export function readJsonQuietly(folder: Folder, file: string): unknown {
  const text = folder.read(file);
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : undefined;
}
