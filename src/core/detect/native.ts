// Native dependencies and the system packages they need. (placeholder)
import type { Ecosystem, NativeDep } from '../model';
import type { Dependency } from './provider';

export function nativeDepsFrom(_eco: Ecosystem, _deps: Dependency[]): NativeDep[] {
  return [];
}
