// Backing services implied by declared dependencies: one fact per service kind, sourced at the first
// dependency (in the provider's order) that implies it. The names live in each ecosystem's module.
import type { Ecosystem, Fact, ServiceKind } from '../model';
import { moduleOf } from '../ecosystems';
import type { Dependency } from './provider';

/** Lookup key for a dependency name: how the ecosystem compares names (its module's rule, else as written). */
export function dependencyKey(eco: Ecosystem, name: string): string {
  const key = moduleOf(eco).dependencies.key;
  return key ? key(name) : name;
}

const INDEX = new Map<Ecosystem, Map<string, ServiceKind>>();
function indexFor(eco: Ecosystem): Map<string, ServiceKind> {
  let idx = INDEX.get(eco);
  if (!idx) {
    idx = new Map();
    for (const [kind, names] of Object.entries(moduleOf(eco).dependencies.services) as [ServiceKind, string[]][]) {
      for (const n of names) idx.set(dependencyKey(eco, n), kind);
    }
    INDEX.set(eco, idx);
  }
  return idx;
}

export function servicesFrom(eco: Ecosystem, deps: readonly Dependency[]): Fact<ServiceKind>[] {
  const idx = indexFor(eco);
  const found = new Map<ServiceKind, Fact<ServiceKind>>();
  for (const dep of deps) {
    const kind = idx.get(dependencyKey(eco, dep.name));
    if (kind && !found.has(kind)) found.set(kind, { value: kind, source: dep.source });
  }
  return [...found.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
