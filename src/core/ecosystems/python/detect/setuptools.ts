// Dependencies declared the setuptools way, for projects with neither requirements files nor
// `[project] dependencies`: `install_requires=[...]` in setup.py (a literal list) and `install_requires =`
// in setup.cfg's [options] section. Sources are `file:line`, since both are line-oriented.
import type { AppContext } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';
import { pep508Name } from './pep508';
import { MAX_LINE } from './procfile';

export function setuptoolsDependencies(ctx: AppContext): Dependency[] {
  return fromSetupPy(ctx) ?? fromSetupCfg(ctx) ?? [];
}

function fromSetupPy(ctx: AppContext): Dependency[] | undefined {
  const text = ctx.read('setup.py');
  const m = text === undefined ? null : /\binstall_requires\s*=\s*\[([^\]]{0,20000})\]/.exec(text);
  if (!text || !m) return undefined;
  const out: Dependency[] = [];
  const listStart = m.index + m[0].indexOf('[') + 1;
  for (const s of m[1].matchAll(/(['"])([^'"\n]+)\1/g)) {
    const name = pep508Name(s[2]);
    const line = text.slice(0, listStart + s.index!).split('\n').length;
    if (name) out.push({ name, source: `${ctx.rel('setup.py')}:${line}` });
  }
  return out;
}

function fromSetupCfg(ctx: AppContext): Dependency[] | undefined {
  const text = ctx.read('setup.cfg');
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_LINE) continue;
    const header = /^\[([^\]]+)\]/.exec(lines[i]);
    if (header) section = header[1].trim();
    const key = section === 'options' ? /^install_requires\s*=\s*(.*)$/.exec(lines[i]) : null;
    if (!key) continue;
    const out: Dependency[] = [];
    const add = (spec: string, line: number) => {
      const name = pep508Name(spec.replace(/#.*/, ''));
      if (name) out.push({ name, source: `${ctx.rel('setup.cfg')}:${line}` });
    };
    if (key[1].trim()) add(key[1], i + 1);
    // Continuation lines are indented.
    for (let j = i + 1; j < lines.length && /^[ \t]+\S/.test(lines[j]); j++) add(lines[j], j + 1);
    return out;
  }
  return undefined;
}
