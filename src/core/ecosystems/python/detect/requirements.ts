// requirements.txt: one requirement per line, `-r other.txt` includes, options, comments, URLs.
import type { AppContext } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';
import { dirOf, join } from '../../../repo';
import { normalizeName } from './names';
import { MAX_LINE } from './procfile';

/** Files that hold production requirements, most conventional first. Dev/test/docs files are never read. */
export const MAIN_REQUIREMENTS = [
  'requirements.txt',
  'requirements/production.txt',
  'requirements/prod.txt',
  'requirements/base.txt',
  'requirements/main.txt',
  'requirements-prod.txt',
  'requirements-production.txt',
];

export function mainRequirementsFile(ctx: AppContext): string | undefined {
  return MAIN_REQUIREMENTS.find((f) => ctx.has(f));
}

/** Requirements of `file` and the files it includes with `-r`, in reading order, each with `file:line`. */
export function readRequirements(ctx: AppContext, file: string, seen = new Set<string>()): Dependency[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = ctx.read(file);
  if (text === undefined) return [];
  const deps: Dependency[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_LINE) continue;
    const line = lines[i].replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(line);
    if (include) {
      deps.push(...readRequirements(ctx, normalizePath(join(dirOf(file), include[1])), seen));
      continue;
    }
    const name = requirementName(line);
    if (name) deps.push({ name, source: `${ctx.rel(file)}:${i + 1}` });
  }
  return deps;
}

/** Name of the package a requirement line installs, or undefined for options and unnamed URLs. */
export function requirementName(line: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
  if (egg) return normalizeName(egg[1]);
  if (line.startsWith('-')) return undefined; // -e path, -c constraints, --index-url, --hash…
  const direct = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*@/.exec(line); // PEP 508 `name @ url`
  if (direct) return normalizeName(direct[1]);
  if (/^[a-z+]+:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
  return m ? normalizeName(m[1]) : undefined;
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
