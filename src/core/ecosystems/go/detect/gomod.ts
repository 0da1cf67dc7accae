// go.mod / go.work as lines: the directives Parity needs, each with its 1-based line for `go.mod:N` sources.

export interface GoRequire { path: string; version: string; line: number; indirect: boolean }

export interface GoMod {
  module?: { path: string; line: number };
  go?: { version: string; line: number };
  toolchain?: { version: string; line: number };
  requires: GoRequire[];
  /** `use` directives of a go.work file (module folders relative to it). */
  uses: { dir: string; line: number }[];
  problems: string[];
}

const BLOCK_DIRECTIVES = new Set(['require', 'replace', 'exclude', 'retract', 'use', 'godebug', 'ignore', 'tool']);
const KNOWN = new Set([...BLOCK_DIRECTIVES, 'module', 'go', 'toolchain']);

export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { requires: [], uses: [], problems: [] };
  let block: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const comment = raw.indexOf('//');
    const code = (comment >= 0 ? raw.slice(0, comment) : raw).trim();
    const indirect = comment >= 0 && /\bindirect\b/.test(raw.slice(comment));
    if (!code) return;
    if (block) {
      if (code === ')') block = undefined;
      else entry(mod, block, code.split(/\s+/), line, indirect);
      return;
    }
    const words = code.split(/\s+/);
    const verb = words[0];
    if (!KNOWN.has(verb)) {
      mod.problems.push(`line ${line}: unknown directive "${verb.slice(0, 40)}"`);
      return;
    }
    if (BLOCK_DIRECTIVES.has(verb) && words[1] === '(') {
      block = verb;
      return;
    }
    if ((verb === 'go' || verb === 'toolchain') && words.length < 2) mod.problems.push(`line ${line}: "${verb}" without a version`);
    entry(mod, verb, words.slice(1), line, indirect);
  });
  if (block) mod.problems.push(`unclosed "${block} (" block`);
  return mod;
}

function entry(mod: GoMod, verb: string, args: string[], line: number, indirect: boolean): void {
  const arg = unquote(args[0] ?? '');
  if (verb === 'module' && arg) mod.module = { path: arg, line };
  else if (verb === 'go' && arg) mod.go = { version: arg, line };
  else if (verb === 'toolchain' && arg) mod.toolchain = { version: arg, line };
  else if (verb === 'require' && arg) mod.requires.push({ path: arg, version: args[1] ?? '', line, indirect });
  else if (verb === 'use' && arg) mod.uses.push({ dir: arg, line });
}

function unquote(s: string): string {
  return s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

/** Last element of a module path without a major-version suffix: `example.com/shop/api/v2` → `api`. */
export function moduleBaseName(modulePath: string): string {
  const parts = modulePath.split('/').filter(Boolean);
  if (parts.length > 1 && /^v\d+$/.test(parts[parts.length - 1])) parts.pop();
  return parts[parts.length - 1] ?? modulePath;
}
