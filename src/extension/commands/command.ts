import type { Services } from '../services';

/** One command: its fixed id and what it does. Arguments come from menus (Uri, tree nodes) or callers. */
export interface ParityCommand {
  id: string;
  run(s: Services, ...args: unknown[]): unknown;
}
