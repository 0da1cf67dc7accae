// Main packages of a Go module: the module root and `cmd/<name>/`. When a module has several commands
// Parity picks `cmd/<module name>` or `cmd/<folder name>`, else the first in path order, and builds only
// that one (the others are usually tools, migrations or CLIs that ship separately).
import type { AppContext } from '../../../detect/context';

export interface GoMain {
  /** Package folder relative to the module: '' for the root, `cmd/api`… */
  dir: string;
  /** File holding `func main()` and its line. */
  file: string;
  line: number;
}

export function findMains(ctx: AppContext): GoMain[] {
  const byDir = new Map<string, string[]>();
  for (const f of goSources(ctx)) {
    const parts = f.split('/');
    const dir = parts.slice(0, -1).join('/');
    if (!(parts.length === 1 || (parts.length === 3 && parts[0] === 'cmd'))) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const mains: GoMain[] = [];
  for (const [dir, files] of byDir) {
    let isMainPackage = false;
    let entry: { file: string; line: number } | undefined;
    for (const file of files) {
      const text = ctx.read(file) ?? '';
      if (/^package\s+main\b/m.test(text)) isMainPackage = true;
      const line = text.split('\n').findIndex((l) => /^func\s+main\s*\(\s*\)/.test(l));
      if (line >= 0 && !entry) entry = { file, line: line + 1 };
    }
    if (isMainPackage && entry) mains.push({ dir, ...entry });
  }
  return mains.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The main package to deploy: the root one, else `cmd/<preferred name>`, else the first command. */
export function pickMain(mains: GoMain[], preferredNames: string[]): GoMain | undefined {
  return mains.find((m) => m.dir === '')
    ?? mains.find((m) => preferredNames.some((n) => m.dir === `cmd/${n}`))
    ?? mains[0];
}

/** Non-test Go files of the module (nested modules are already cut out of ctx.files). */
export function goSources(ctx: AppContext): string[] {
  return ctx.files.filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !/(^|\/)(testdata|examples?)\//.test(f));
}
