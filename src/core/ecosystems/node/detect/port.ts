// Ports the Node provider knows without reading code: one set explicitly in the start script
// (`PORT=4000 node server.js`, `next start -p 4000`), and the framework's own default.
import type { Fact } from '../../../model';
import { defaultFact } from '../../../detect/context';
import type { DetectedFramework } from './framework';

const PORT_IN_SCRIPT = [/(?:^|[\s;&])PORT=(\d{2,5})\b/, /(?:^|\s)(?:-p|--port)(?:=|\s+)(\d{2,5})\b/];

/** The port a `scripts.*` start command sets, sourced like the script. */
export function configPortOf(start: Fact<string> | null): Fact<number> | null {
  if (!start || !start.source.includes(' > scripts.')) return null;
  for (const re of PORT_IN_SCRIPT) {
    const m = re.exec(start.value);
    if (m && Number(m[1]) > 0 && Number(m[1]) < 65536) return { value: Number(m[1]), source: start.source };
  }
  return null;
}

/** The framework's default port, when the app runs the framework's server (not a static build). */
export function defaultPortOf(framework: DetectedFramework | null, serves: boolean): Fact<number> | null {
  if (!framework?.defaultPort || !serves) return null;
  return defaultFact(framework.defaultPort, `${framework.id} listens on ${framework.defaultPort}`);
}
