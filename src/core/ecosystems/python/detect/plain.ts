// A script-style app with no web framework: `python main.py` (or app.py), the file run as is.
import type { AppContext } from '../../../detect/context';
import type { PythonEntry } from './entry';

const SCRIPTS = ['main.py', 'app.py'];

export function plainEntry(ctx: AppContext): PythonEntry | undefined {
  const file = SCRIPTS.find((f) => ctx.has(f));
  if (!file) return undefined;
  return { framework: null, start: ctx.fact(`python ${file}`, file), build: null, defaultPort: null };
}
