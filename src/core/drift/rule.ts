import type { Finding } from '../model';
import type { DriftContext } from './context';

/** A drift rule: one catalog id, one function from the gathered context to findings. */
export interface Rule {
  id: string;
  /** Whether it needs anything beyond the project files (static rules run in `parity check`). */
  evaluate(ctx: DriftContext): Finding[];
}
