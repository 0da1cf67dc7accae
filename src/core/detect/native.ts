// Native dependencies and the system packages they need, from the ecosystem module's table.
import type { Ecosystem, NativeDep } from '../model';
import { moduleOf } from '../ecosystems';
import type { NativeSystemPackages } from '../platform/system-packages';
import type { Dependency } from './provider';
import { dependencyKey } from './services';

const INDEX = new Map<Ecosystem, Map<string, NativeSystemPackages>>();
function indexFor(eco: Ecosystem): Map<string, NativeSystemPackages> {
  let idx = INDEX.get(eco);
  if (!idx) {
    idx = new Map(Object.entries(moduleOf(eco).dependencies.native).map(([name, pkgs]) => [dependencyKey(eco, name), pkgs]));
    INDEX.set(eco, idx);
  }
  return idx;
}

export function nativeDepsFrom(eco: Ecosystem, deps: readonly Dependency[]): NativeDep[] {
  const idx = indexFor(eco);
  const out = new Map<string, NativeDep>();
  for (const dep of deps) {
    const pkgs = idx.get(dependencyKey(eco, dep.name));
    if (!pkgs || out.has(dep.name)) continue;
    out.set(dep.name, {
      package: dep.name,
      source: dep.source,
      // copies, so a consumer editing one app's lists cannot change the table
      systemPackages: {
        debian: { build: [...pkgs.debian.build], runtime: [...pkgs.debian.runtime] },
        rhel: { build: [...pkgs.rhel.build], runtime: [...pkgs.rhel.runtime] },
        alpine: { build: [...pkgs.alpine.build], runtime: [...pkgs.alpine.runtime] },
      },
    });
  }
  return [...out.values()].sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0));
}
