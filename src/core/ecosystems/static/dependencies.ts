// static: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the static provider reports them).
import type { DependencyTables } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  services: {},
  native: {},
};
