// The ways each language reads an environment variable, as data. Each pattern captures the variable
// name in the group named `name`; `fallback` decides whether that occurrence supplies a default value.
import type { Lang } from './lines';

export type Fallback =
  /** Text right after the match, on the same line, starts a fallback (`|| 'x'`, `?? x`, `.unwrap_or(`). */
  | { after: RegExp }
  /** The call has a further argument after the name (`os.getenv('X', 'd')`, `ENV.fetch('X', d)`). */
  | { nextArg: true; after?: RegExp }
  /** The call's arguments contain a keyword default (`env('X', default=1)`). */
  | { keyword: RegExp }
  /** The pattern itself says (captured group `def` non-empty). */
  | { group: true }
  /** Decided from the code around the read: `before` is up to 200 chars before the match, `after` up to 400 after it. */
  | { around: (before: string, after: string) => boolean }
  | null;

export interface EnvPattern {
  langs: readonly Lang[];
  /** Cheap substring that must be in the file before the regex is run. */
  hint: string;
  re: RegExp;
  fallback: Fallback;
  /** Names the runtime itself provides (Vite's `import.meta.env.MODE`…), not set by the deployer. */
  builtins?: ReadonlySet<string>;
}

const ANY = String.raw`[A-Za-z_][A-Za-z0-9_]*`;
/** Generic helpers such as `env('X')` and `config('X')` take config keys too; only UPPER_CASE names are env vars. */
const UPPER = String.raw`[A-Z][A-Z0-9_]*`;
/** A quoted name; the quote is capturing group 1, so patterns using it must not capture before it. */
const q = (name: string) => String.raw`(['"\x60])(?<name>${name})\1`;

/** `X || d`, `X ?? d`, `Number(X) || d`, `parseInt(X, 10) || d`. */
const JS_FALLBACK = { after: /^[ \t]*(?:,[ \t]*\d+[ \t]*)?\)*[ \t]*(\|\||\?\?)/ };
const VITE_BUILTINS = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

export const ENV_PATTERNS: readonly EnvPattern[] = [
  // JavaScript / TypeScript
  { langs: ['js'], hint: 'process', re: new RegExp(String.raw`\bprocess\.env\??\.(?<name>[A-Za-z_$][\w$]*)`, 'g'), fallback: JS_FALLBACK },
  { langs: ['js'], hint: 'process', re: new RegExp(String.raw`\bprocess\.env\??\.?\[\s*${q(ANY)}\s*\]`, 'g'), fallback: JS_FALLBACK },
  { langs: ['js'], hint: 'import.meta', re: new RegExp(String.raw`\bimport\.meta\.env\.(?<name>[A-Za-z_$][\w$]*)`, 'g'), fallback: JS_FALLBACK, builtins: VITE_BUILTINS },
  { langs: ['js'], hint: 'Bun.env', re: new RegExp(String.raw`\bBun\.env\.(?<name>[A-Za-z_$][\w$]*)`, 'g'), fallback: JS_FALLBACK },
  { langs: ['js'], hint: 'Deno.env', re: new RegExp(String.raw`\bDeno\.env\.get\(\s*${q(ANY)}\s*\)`, 'g'), fallback: JS_FALLBACK },
  // Python
  { langs: ['python'], hint: 'environ', re: new RegExp(String.raw`\b(?:os\.)?environ\[\s*${q(ANY)}\s*\]`, 'g'), fallback: null },
  { langs: ['python'], hint: 'environ', re: new RegExp(String.raw`\b(?:os\.)?environ\.get\(\s*${q(ANY)}`, 'g'), fallback: { nextArg: true, after: /^\s*\)\s*or\b/ } },
  { langs: ['python'], hint: 'getenv', re: new RegExp(String.raw`(?<![\w.])(?:os\.)?getenv\(\s*${q(ANY)}`, 'g'), fallback: { nextArg: true, after: /^\s*\)\s*or\b/ } },
  { langs: ['python'], hint: 'env', re: new RegExp(String.raw`(?<![\w.])env(?:\.\w+)?\(\s*${q(UPPER)}`, 'g'), fallback: { keyword: /\bdefault\s*=/ } },
  { langs: ['python'], hint: 'config(', re: new RegExp(String.raw`(?<![\w.])config\(\s*${q(UPPER)}`, 'g'), fallback: { keyword: /\bdefault\s*=/ } },
  // Go
  { langs: ['go'], hint: 'os.', re: new RegExp(String.raw`\bos\.Getenv\(\s*"(?<name>${ANY})"`, 'g'), fallback: { around: goFallback } },
  // LookupEnv's fallback sits in a branch on its second result: not followed (spec: hasDefault false).
  { langs: ['go'], hint: 'os.', re: new RegExp(String.raw`\bos\.LookupEnv\(\s*"(?<name>${ANY})"`, 'g'), fallback: null },
  // Java / Kotlin
  { langs: ['jvm'], hint: 'getenv', re: new RegExp(String.raw`\bSystem\.getenv\(\s*"(?<name>${ANY})"\s*\)`, 'g'), fallback: { after: /^\s*\?:/ } },
  { langs: ['jvm'], hint: 'getOrDefault', re: new RegExp(String.raw`\bSystem\.getenv\(\)\s*\.getOrDefault\(\s*"(?<name>${ANY})"`, 'g'), fallback: { nextArg: true } },
  // Spring application.properties / application.yml placeholders
  { langs: ['config'], hint: '${', re: new RegExp(String.raw`\$\{(?<name>[A-Z_][A-Z0-9_]*)(?<def>:[^}]*)?\}`, 'g'), fallback: { group: true } },
  // Ruby
  { langs: ['ruby'], hint: 'ENV', re: new RegExp(String.raw`\bENV\[\s*${q(ANY)}\s*\]`, 'g'), fallback: { after: /^\s*(\|\||\bor\b)/ } },
  { langs: ['ruby'], hint: 'ENV', re: new RegExp(String.raw`\bENV\.fetch\(\s*${q(ANY)}`, 'g'), fallback: { nextArg: true, after: /^\s*\)\s*(\{|do\b)/ } },
  // PHP
  { langs: ['php'], hint: 'getenv', re: new RegExp(String.raw`(?<![\w>:$])getenv\(\s*${q(ANY)}\s*\)`, 'g'), fallback: { after: /^\s*(\?:|\?\?|\|\||\bor\b)/ } },
  { langs: ['php'], hint: '$_ENV', re: new RegExp(String.raw`\$_ENV\[\s*${q(ANY)}\s*\]`, 'g'), fallback: { after: /^\s*(\?\?|\?:)/ } },
  { langs: ['php'], hint: 'env(', re: new RegExp(String.raw`(?<![\w>:$])env\(\s*${q(UPPER)}`, 'g'), fallback: { nextArg: true } },
  // .NET
  { langs: ['dotnet'], hint: 'GetEnvironmentVariable', re: new RegExp(String.raw`\bEnvironment\.GetEnvironmentVariable\(\s*"(?<name>${ANY})"`, 'g'), fallback: { after: /^[^;\n]*?\)\s*\?\?/ } },
  // Rust
  { langs: ['rust'], hint: 'var', re: new RegExp(String.raw`\b(?:std::env|env|dotenvy|dotenv)::var(?:_os)?\(\s*"(?<name>${ANY})"\s*\)`, 'g'), fallback: { after: /^\s*(\.ok\(\))?\s*\.(unwrap_or|unwrap_or_else|unwrap_or_default|or_else|or)\b/ } },
];

/**
 * Go's idioms for a default: `cmp.Or(os.Getenv("X"), "d")`, and `v := os.Getenv("X")` followed by
 * `if v == "" { v = … }`.
 */
function goFallback(before: string, after: string): boolean {
  if (/\bcmp\.Or\(\s*$/.test(before)) return true;
  const assigned = /\b(\w+)\s*:?=\s*$/.exec(before);
  if (!assigned) return false;
  const v = assigned[1];
  return new RegExp(String.raw`^\s*\)[^]{0,300}?\bif\s+${v}\s*==\s*""\s*\{\s*${v}\s*=`).test(after);
}

/** `const { A, B = 'x', C: c } = process.env` (names and whether each has a default). */
export const DESTRUCTURE_RE = /\b(?:const|let|var)\s*\{(?<body>[^{}]*)\}\s*=\s*(?:process\.env|Bun\.env|import\.meta\.env)\b/g;
