// Web frameworks by module path (any major version), and the port a framework picks when told nothing.
import type { GoRequire } from './gomod';

const FRAMEWORKS: { name: string; module: string; defaultPort?: number }[] = [
  { name: 'gin', module: 'github.com/gin-gonic/gin', defaultPort: 8080 }, // r.Run() with no address → :8080
  { name: 'echo', module: 'github.com/labstack/echo' },
  { name: 'fiber', module: 'github.com/gofiber/fiber' },
  { name: 'chi', module: 'github.com/go-chi/chi' },
  { name: 'gorilla-mux', module: 'github.com/gorilla/mux' },
];

export function goFramework(requires: GoRequire[]): { name: string; defaultPort?: number; require: GoRequire } | undefined {
  for (const r of requires) {
    if (r.indirect) continue;
    const fw = FRAMEWORKS.find((f) => r.path === f.module || new RegExp(`^${f.module.replace(/\./g, '\\.')}/v\\d+$`).test(r.path));
    if (fw) return { name: fw.name, defaultPort: fw.defaultPort, require: r };
  }
  return undefined;
}
