// Env vars the app's code reads, one entry per name with the first place it is read. Names that appear
// only in `.env.example`-style files are listed too (they document what the app expects).
import type { EnvVarUse } from '../model';
import type { AppContext } from './context';
import { inCommentLine, langOf, lineAt, lineStarts, type Lang } from './scan/lines';
import { DESTRUCTURE_RE, ENV_PATTERNS, type EnvPattern } from './scan/env-patterns';

export const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|_KEY$|^KEY$|DATABASE_URL|_DSN$)/i;

/** Example env files: names only, values are never read as defaults. `.env` itself is never read. */
const EXAMPLE_FILES = new Set(['.env.example', '.env.sample', '.env.template', '.env.dist']);
/** Spring Boot config files whose `${X:default}` placeholders read env vars. */
const SPRING_CONFIG = /^(application|bootstrap)(-[\w.-]+)?\.(properties|ya?ml)$/;

interface Occurrence { name: string; index: number; line: number; hasDefault: boolean }

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function scanEnv(ctx: AppContext, sources: readonly string[]): EnvVarUse[] {
  const found = new Map<string, EnvVarUse>();
  const codeFiles = [...new Set([...sources, ...ctx.files.filter((f) => SPRING_CONFIG.test(baseName(f)))])].sort();
  for (const file of codeFiles) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    for (const occ of envReadsIn(text, langOf(file))) {
      const prev = found.get(occ.name);
      if (prev) prev.hasDefault ||= occ.hasDefault;
      else found.set(occ.name, { name: occ.name, secret: isSecretName(occ.name), hasDefault: occ.hasDefault, source: `${ctx.rel(file)}:${occ.line}` });
    }
  }
  for (const file of ctx.files.filter((f) => EXAMPLE_FILES.has(baseName(f)))) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    text.split('\n').forEach((line, i) => {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
      if (m && !found.has(m[1])) found.set(m[1], { name: m[1], secret: isSecretName(m[1]), hasDefault: false, source: `${ctx.rel(file)}:${i + 1}` });
    });
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every env var read in one file, in text order. Exported for the unit tests. */
export function envReadsIn(text: string, lang: Lang): Occurrence[] {
  const patterns = ENV_PATTERNS.filter((p) => (lang === 'other' ? p.langs[0] !== 'config' : p.langs.includes(lang)) && text.includes(p.hint));
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

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
