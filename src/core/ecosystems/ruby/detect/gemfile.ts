// Gemfile: `gem 'name'` lines, with `group :development, :test do … end` blocks and `group:`/`groups:`
// options telling which gems stay out of production. Also the `ruby '3.3.0'` directive.
import type { AppContext } from '../../../detect/context';
import { MAX_LINE } from '../../python/detect/procfile';

export interface Gem {
  name: string;
  line: number;
  /** True when the gem is only for development/test (so not a production dependency). */
  devOnly: boolean;
}

const NON_PRODUCTION = new Set(['development', 'test', 'dev', 'ci', 'lint', 'rubocop', 'tools']);

export function readGemfile(ctx: AppContext): Gem[] {
  const text = ctx.read('Gemfile');
  if (text === undefined) return [];
  const gems: Gem[] = [];
  // One entry per open `do` block: whether that block is a dev/test-only group.
  const blocks: boolean[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_LINE) continue;
    const line = lines[i].replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const gem = /^gem\s*\(?\s*['"]([^'"]+)['"](.*)$/.exec(line);
    if (gem) {
      const inline = /\bgroups?\s*:\s*(\[[^\]]*\]|:\w+|['"]\w+['"])/.exec(gem[2]) ?? /:groups?\s*=>\s*(\[[^\]]*\]|:\w+)/.exec(gem[2]);
      gems.push({ name: gem[1], line: i + 1, devOnly: blocks.some(Boolean) || (inline ? devOnlyGroups(inline[1]) : false) });
      continue;
    }
    const group = /^group\s*\(?(.+?)\)?\s+do\b/.exec(line);
    if (group) blocks.push(devOnlyGroups(group[1].replace(/,?\s*\w+:\s*.*$/, '')));
    else if (/\bdo(\s*\|[^|]*\|)?\s*$/.test(line) || /^(if|unless|case|begin)\b/.test(line)) blocks.push(false);
    else if (/^end\b/.test(line)) blocks.pop();
  }
  return gems;
}

/** `:development, :test` → true; any production-ish group → false. */
function devOnlyGroups(list: string): boolean {
  const names = [...list.matchAll(/:?['"]?(\w+)['"]?/g)].map((m) => m[1]);
  return names.length > 0 && names.every((n) => NON_PRODUCTION.has(n));
}

/** The `ruby "3.3.0"` / `ruby "~> 3.3"` directive, with its line. */
export function gemfileRuby(ctx: AppContext): { spec: string; line: number } | undefined {
  const text = ctx.read('Gemfile');
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*ruby\s*\(?\s*['"]([^'"]+)['"]/.exec(lines[i]);
    if (m) return { spec: m[1], line: i + 1 };
  }
  return undefined;
}
