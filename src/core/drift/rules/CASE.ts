// Relative imports whose case differs from the file on disk: they work on macOS/Windows (case-insensitive
// file systems) and fail on Linux: `Cannot find module '../renderer/Image'`.
import type { Finding } from '../../model';
import type { DriftContext } from '../context';
import type { Rule } from '../rule';
import { scanRelativeImports } from '../scan';

const JS = /\.(m|c)?(j|t)sx?$/;
const EXTS = ['', '.js', '.ts', '.tsx', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json', '.vue', '.svelte', '.css', '.scss'];

function normalize(parts: string[]): string | undefined {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

export const CASE: Rule = {
  id: 'CASE',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    const exact = new Set(ctx.files);
    const lower = new Map<string, string>();
    const dirs = new Set<string>();
    for (const f of ctx.files) {
      lower.set(f.toLowerCase(), f);
      const segs = f.split('/');
      for (let i = 1; i < segs.length; i++) dirs.add(segs.slice(0, i).join('/'));
    }
    for (const file of ctx.files) {
      if (!JS.test(file) || file.endsWith('.d.ts')) continue;
      const text = ctx.read(file);
      if (!text) continue;
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
      for (const imp of scanRelativeImports(text)) {
        const target = normalize([...dir.split('/'), ...imp.spec.split('/')]);
        if (target === undefined) continue;
        const bare = target.replace(/\.(m|c)?js$/, '');
        const candidates = [...EXTS.map((e) => target + e), ...EXTS.slice(1).map((e) => bare + e), ...EXTS.slice(1).map((e) => `${target}/index${e}`)];
        if (candidates.some((c) => exact.has(c)) || dirs.has(target)) continue;
        const hit = candidates.map((c) => lower.get(c.toLowerCase())).find((x): x is string => Boolean(x));
        if (!hit) continue; // missing for another reason (generated, aliased): not a case problem
        out.push({
          id: 'CASE', severity: 'error',
          title: `'${imp.spec}' differs in case from ${hit}`,
          message: `${file}:${imp.line} imports '${imp.spec}', but the file on disk is ${hit}. This works on case-insensitive file systems (macOS, Windows) and fails on Linux with "Cannot find module '${imp.spec}'".`,
          evidence: [{ file, line: imp.line, excerpt: text.split('\n')[imp.line - 1].trim() }, { file: hit }],
          fix: {
            text: `Write the import with the file's exact case.`,
            edits: [{ file, line: imp.line, newText: text.split('\n')[imp.line - 1].replace(imp.spec, fixedSpec(imp.spec, target, hit)) }],
          },
          app: ctx.unitOf(file)?.dir || '.',
        });
      }
    }
    return out;
  },
};

/** Re-case the import's path segments to match the file found on disk. */
function fixedSpec(spec: string, target: string, hit: string): string {
  const specSegs = spec.split('/');
  const targetSegs = target.split('/');
  const hitSegs = hit.split('/');
  const n = specSegs.filter((s) => s !== '.' && s !== '..').length;
  const offset = targetSegs.length - n;
  let k = 0;
  return specSegs.map((s) => {
    if (s === '.' || s === '..') return s;
    const real = hitSegs[offset + k++];
    if (!real) return s;
    return real.toLowerCase().startsWith(s.toLowerCase()) ? real.slice(0, s.length) : s;
  }).join('/');
}
