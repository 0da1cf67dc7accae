// One pass over an app's source files that feeds the env, port and health-route scanners, so each file
// is read once however many facts are drawn from it (detection on a big monorepo is I/O-bound).
import type { Fact } from '../../model';
import type { AppContext } from '../context';
import { langOf } from './lines';
import { envReadsIn } from './env-reads';
import { portIn } from './port-patterns';
import { healthPathIn } from './health';
import { isTestFile } from './test-files';

export interface EnvRead { name: string; hasDefault: boolean; source: string }

export interface SourceScan {
  /** Every env read in code, in file (sorted path) then text order. */
  envReads: EnvRead[];
  port: Fact<number> | null;
  healthPath: Fact<string> | null;
}

/** Spring Boot config files whose `${X:default}` placeholders read env vars. */
export const SPRING_CONFIG = /^(application|bootstrap)(-[\w.-]+)?\.(properties|ya?ml)$/;

const memo = new WeakMap<AppContext, { sources: readonly string[]; scan: SourceScan }>();

export function scanSources(ctx: AppContext, sources: readonly string[]): SourceScan {
  const hit = memo.get(ctx);
  if (hit && hit.sources === sources) return hit.scan;
  const scan: SourceScan = { envReads: [], port: null, healthPath: null };
  const sourceSet = new Set(sources);
  // Rails reads env vars in ERB-templated YAML (`url: <%= ENV["DATABASE_URL"] %>` in config/database.yml).
  const erbYaml = new Set(ctx.has('Gemfile') ? ctx.files.filter((f) => /\.ya?ml$/.test(f) && !SPRING_CONFIG.test(baseName(f))) : []);
  const springConfig = ctx.files.filter((f) => SPRING_CONFIG.test(baseName(f)));
  const files = [...new Set([...sources, ...springConfig, ...erbYaml])].filter((f) => !isTestFile(f)).sort();
  for (const file of files) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    let lang = langOf(file);
    if (erbYaml.has(file) && !sourceSet.has(file)) {
      if (!text.includes('<%')) continue;
      lang = 'ruby';
    }
    for (const r of envReadsIn(text, lang)) scan.envReads.push({ name: r.name, hasDefault: r.hasDefault, source: `${ctx.rel(file)}:${r.line}` });
    if (!sourceSet.has(file)) continue;
    if (!scan.port) {
      const p = portIn(text, lang);
      if (p) scan.port = ctx.fact(p.port, file, p.line);
    }
    if (!scan.healthPath) {
      const h = healthPathIn(text, lang);
      if (h) scan.healthPath = ctx.fact(h.path, file, h.line);
    }
  }
  memo.set(ctx, { sources, scan });
  return scan;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
