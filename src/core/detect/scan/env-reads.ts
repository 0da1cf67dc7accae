// Finds the env var reads in one file's text, with the line and whether that read supplies a fallback.
import { inCommentLine, lineAt, lineStarts, type Lang } from './lines';
import { DESTRUCTURE_RE, ENV_PATTERNS, type EnvPattern } from './env-patterns';

export interface Occurrence { name: string; index: number; line: number; hasDefault: boolean }

const BY_LANG = new Map<Lang, readonly EnvPattern[]>();
function patternsFor(lang: Lang): readonly EnvPattern[] {
  let list = BY_LANG.get(lang);
  if (!list) BY_LANG.set(lang, (list = ENV_PATTERNS.filter((p) => (lang === 'other' ? p.langs[0] !== 'config' : p.langs.includes(lang)))));
  return list;
}

/** Every env var read in one file, in text order. */
export function envReadsIn(text: string, lang: Lang): Occurrence[] {
  const patterns = patternsFor(lang).filter((p) => text.includes(p.hint));
  const destructure = (lang === 'js' || lang === 'other') && text.includes('env');
  if (patterns.length === 0 && !destructure) return [];
  const starts = lineStarts(text);
  const out: Occurrence[] = [];
  const add = (name: string, index: number, hasDefault: boolean) => {
    if (!inCommentLine(text, starts, index, lang)) out.push({ name, index, line: lineAt(starts, index), hasDefault });
  };
  for (const p of patterns) {
    for (const m of text.matchAll(p.re)) {
      const name = m.groups!.name;
      if (p.builtins?.has(name)) continue;
      add(name, m.index! + m[0].indexOf(name), hasFallback(p, m, text));
    }
  }
  if (destructure) {
    for (const m of text.matchAll(DESTRUCTURE_RE)) {
      const body = m.groups!.body;
      const bodyStart = m.index! + m[0].indexOf('{') + 1;
      let offset = 0;
      for (const part of body.split(',')) {
        const e = /^\s*([A-Za-z_$][\w$]*)\s*(?::\s*[A-Za-z_$][\w$]*\s*)?(=)?/.exec(part);
        if (e && !part.trimStart().startsWith('...')) add(e[1], bodyStart + offset + part.indexOf(e[1]), e[2] === '=');
        offset += part.length + 1;
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function hasFallback(p: EnvPattern, m: RegExpMatchArray, text: string): boolean {
  const f = p.fallback;
  if (!f) return false;
  const end = m.index! + m[0].length;
  const rest = text.slice(end, end + 200);
  if ('group' in f) return Boolean(m.groups?.def);
  if ('around' in f) return f.around(text.slice(Math.max(0, m.index! - 200), m.index), text.slice(end, end + 400));
  if ('keyword' in f) return f.keyword.test(callArgs(rest));
  if ('nextArg' in f && /^\s*,/.test(rest)) return true;
  return f.after ? f.after.test(rest) : false;
}

/** The rest of a call's argument list, up to its closing parenthesis (nesting-aware, bounded). */
function callArgs(rest: string): string {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return rest.slice(0, i);
      depth--;
    }
  }
  return rest;
}
