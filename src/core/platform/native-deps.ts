// Packages with native code and the system packages each needs per family, per ecosystem: a view over the
// modules' own tables (ecosystems/<id>/dependencies.ts), for callers that look across ecosystems.
import type { Ecosystem } from '../model';
import { ECOSYSTEM_MODULES } from '../ecosystems';
import type { NativeSystemPackages } from './system-packages';

export type { NativeSystemPackages } from './system-packages';

export const NATIVE_DEPS: Partial<Record<Ecosystem, Record<string, NativeSystemPackages>>> = Object.fromEntries(
  ECOSYSTEM_MODULES.filter((m) => Object.keys(m.dependencies.native).length > 0).map((m) => [m.id, m.dependencies.native]),
);
