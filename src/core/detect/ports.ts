// The port the code listens on. (placeholder)
import type { Fact } from '../model';
import type { AppContext } from './context';

export function scanPort(_ctx: AppContext, _sources: string[]): Fact<number> | null {
  return null;
}
