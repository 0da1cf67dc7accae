// Env vars the app's code reads, one entry per name with the first place it is read. Names that appear
// only in `.env.example`-style files are listed too (they document what the app expects).
import type { EnvVarUse } from '../model';
import type { AppContext } from './context';
import { scanSources } from './scan/sources';

export { envReadsIn } from './scan/env-reads';

export const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|_KEY$|^KEY$|DATABASE_URL|_DSN$)/i;

/** Example env files: names only, values are never read as defaults. `.env` itself is never read. */
const EXAMPLE_FILES = new Set(['.env.example', '.env.sample', '.env.template', '.env.dist']);

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function scanEnv(ctx: AppContext, sources: readonly string[]): EnvVarUse[] {
  const found = new Map<string, EnvVarUse>();
  for (const read of scanSources(ctx, sources).envReads) {
    const prev = found.get(read.name);
    if (prev) prev.hasDefault ||= read.hasDefault;
    else found.set(read.name, { name: read.name, secret: isSecretName(read.name), hasDefault: read.hasDefault, source: read.source });
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

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
