// Helpers shared by the code scanners: offset → line numbers, and "is this a comment line" per language.

/** Start offsets of every line of `text`, for turning a match index into a 1-based line number. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of `offset` (binary search over `lineStarts`). */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export type Lang = 'js' | 'python' | 'go' | 'jvm' | 'ruby' | 'php' | 'dotnet' | 'rust' | 'config' | 'other';

const EXT_LANG: Record<string, Lang> = {
  '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'js', '.ts': 'js', '.mts': 'js', '.cts': 'js', '.tsx': 'js',
  '.vue': 'js', '.svelte': 'js', '.astro': 'js',
  '.py': 'python',
  '.go': 'go',
  '.java': 'jvm', '.kt': 'jvm', '.kts': 'jvm', '.groovy': 'jvm', '.scala': 'jvm',
  '.rb': 'ruby', '.rake': 'ruby', '.ru': 'ruby', '.erb': 'ruby',
  '.php': 'php',
  '.cs': 'dotnet', '.fs': 'dotnet', '.vb': 'dotnet',
  '.rs': 'rust',
  '.properties': 'config', '.yml': 'config', '.yaml': 'config',
};

export function langOf(file: string): Lang {
  const dot = file.lastIndexOf('.');
  const slash = file.lastIndexOf('/');
  if (dot <= slash) return 'other';
  return EXT_LANG[file.slice(dot).toLowerCase()] ?? 'other';
}

const HASH_COMMENTS = new Set<Lang>(['python', 'ruby', 'php', 'config', 'other']);
const SLASH_COMMENTS = new Set<Lang>(['js', 'go', 'jvm', 'php', 'dotnet', 'rust', 'other']);

/**
 * Is the line holding `offset` a whole-line comment? Commented-out reads (`// const x = process.env.X`)
 * are not reads, so the scanners skip them. Trailing comments and multi-line block comments whose inner
 * lines do not start with `*` are not recognised (kept simple on purpose).
 */
export function inCommentLine(text: string, starts: number[], offset: number, lang: Lang): boolean {
  let i = starts[lineAt(starts, offset) - 1];
  while (i < offset && (text[i] === ' ' || text[i] === '\t')) i++;
  const c = text[i];
  // Language-level (allow-listed): PHP 8 attributes `#[...]` are source syntax, not comments.
  if (c === '#') return HASH_COMMENTS.has(lang) && !(lang === 'php' && text[i + 1] === '[');
  if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return SLASH_COMMENTS.has(lang);
  if (c === '*' && text[i + 1] !== '*' && SLASH_COMMENTS.has(lang)) return /^\*(\s|\/|$)/.test(text.slice(i, i + 2));
  if (c === '-' && text[i + 1] === '-' && lang === 'other') return true;
  return false;
}
