// Env vars the code reads. (placeholder: filled in by the cross-ecosystem work)
import type { EnvVarUse } from '../model';
import type { AppContext } from './context';

export function scanEnv(_ctx: AppContext, _sources: string[]): EnvVarUse[] {
  return [];
}
