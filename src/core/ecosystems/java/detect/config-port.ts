// Values from src/main/resources/application.properties or application.yml (properties first, as Spring
// Boot gives them precedence), and the HTTP port among them. Spring-style placeholders resolve to their
// default (`${PORT:8080}` → 8080); one without a default says nothing.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { asRecord, pick } from '../../../parse/structured';

const RESOURCES = 'src/main/resources/';

/** Every value of `key` in the default profile, in precedence order, each with its source. */
function configValues(ctx: AppContext, key: string): Fact<string>[] {
  const out: Fact<string>[] = [];
  const props = RESOURCES + 'application.properties';
  const text = ctx.read(props);
  if (text !== undefined) {
    const re = new RegExp(`^\\s*${key.replace(/\./g, '\\.')}\\s*[=:]\\s*(.*?)\\s*$`);
    text.split('\n').forEach((line, i) => {
      const m = line.match(re);
      if (m) out.push(ctx.fact(m[1], props, i + 1));
    });
  }
  for (const yml of ['application.yml', 'application.yaml']) {
    for (const doc of ctx.yaml(RESOURCES + yml) ?? []) {
      // Profile-specific documents (`spring.config.activate.on-profile`) do not apply by default.
      if (pick(doc, 'spring.config.activate.on-profile') !== undefined || pick(doc, 'spring.profiles') !== undefined) continue;
      const v = pick(doc, key) ?? asRecord(doc)?.[key];
      if (typeof v === 'string' || typeof v === 'number') out.push(ctx.fact(String(v).trim(), RESOURCES + yml, key));
    }
  }
  return out;
}

export function configValue(ctx: AppContext, key: string): Fact<string> | undefined {
  return configValues(ctx, key)[0];
}

export function configPort(ctx: AppContext, key: string): Fact<number> | null {
  for (const v of configValues(ctx, key)) {
    const port = portValue(v.value);
    if (port) return { value: port, source: v.source };
  }
  return null;
}

function portValue(v: string): number | undefined {
  const s = v.match(/^\$\{[^:}]+:(\d+)\}$/)?.[1] ?? v;
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 && n < 65536 ? n : undefined;
}
