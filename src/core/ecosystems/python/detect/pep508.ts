// PEP 508 dependency strings as found in `project.dependencies`: `Django>=5.0`, `uvicorn[standard]`, …
import { normalizeName } from './names';

export function pep508Name(spec: string): string | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  return m ? normalizeName(m[1]) : undefined;
}
