// Backing services implied by dependencies. (placeholder)
import type { Ecosystem, Fact, ServiceKind } from '../model';
import type { Dependency } from './provider';

export function servicesFrom(_eco: Ecosystem, _deps: Dependency[]): Fact<ServiceKind>[] {
  return [];
}
