// The port the code listens on, and the health route it serves: the first listen-like call with a literal
// port (or route literal) in the app's sources, in sorted path order, then text order. Config files and
// framework defaults are the provider's job.
import type { Fact } from '../model';
import type { AppContext } from './context';
import { scanSources } from './scan/sources';

export { PORT_PATTERNS, portIn } from './scan/port-patterns';

export function scanPort(ctx: AppContext, sources: readonly string[]): Fact<number> | null {
  return scanSources(ctx, sources).port;
}

export function scanHealthPath(ctx: AppContext, sources: readonly string[]): Fact<string> | null {
  return scanSources(ctx, sources).healthPath;
}
