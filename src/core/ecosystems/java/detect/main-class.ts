// A Java/Kotlin module with no `main` in its production sources is a library: nothing to start.
import type { AppContext } from '../../../detect/context';

const MAIN = /\bpublic\s+static\s+void\s+main\s*\(|^\s*fun\s+main\s*\(|\bstatic\s+void\s+main\s*\(/m;

export function hasMainMethod(ctx: AppContext): boolean {
  return ctx.files.some((f) => /^src\/main\/(java|kotlin)\/.*\.(java|kt)$/.test(f) && MAIN.test(ctx.read(f) ?? ''));
}
