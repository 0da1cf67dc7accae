// The HTTP port from src/main/resources/application.properties or application.yml. Spring-style
// placeholders resolve to their default (`${PORT:8080}` → 8080); one without a default says nothing.
import type { AppContext } from '../context';
import type { Fact } from '../../model';
import { asRecord, pick } from '../../parse/structured';

const RESOURCES = 'src/main/resources/';

export function configPort(ctx: AppContext, key: string): Fact<number> | null {
  const props = RESOURCES + 'application.properties';
  const text = ctx.read(props);
  if (text !== undefined) {
    const lines = text.split('\n');
    const re = new RegExp(`^\\s*${key.replace(/\./g, '\\.')}\\s*[=:]\\s*(.*?)\\s*$`);
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(re);
      const port = m ? portValue(m[1]) : undefined;
      if (port) return ctx.fact(port, props, i + 1);
    }
  }
  for (const yml of ['application.yml', 'application.yaml']) {
    const docs = ctx.yaml(RESOURCES + yml);
    for (const doc of docs ?? []) {
      // Profile-specific documents (`spring.config.activate.on-profile`) do not apply by default.
      if (pick(doc, 'spring.config.activate.on-profile') !== undefined || pick(doc, 'spring.profiles') !== undefined) continue;
      const port = portValue(pick(doc, key) ?? asRecord(doc)?.[key]);
      if (port) return ctx.fact(port, RESOURCES + yml, key);
    }
  }
  return null;
}

function portValue(v: unknown): number | undefined {
  let s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  const placeholder = s.match(/^\$\{[^:}]+:(\d+)\}$/);
  if (placeholder) s = placeholder[1];
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 && n < 65536 ? n : undefined;
}
