// Labels a container started by the prod twin carries, read back by `report`, `down` and the editor.
/** The manifest's constraints (JSON), recorded on constrained and unconstrained runs alike. */
export const LABEL_CONSTRAINTS = 'dev.parity.constraints';
/** `true` when the constraints were applied, `false` for `--no-prod-constraints`. */
export const LABEL_CONSTRAINED = 'dev.parity.constrained';
/** The app's folder relative to the scanned root (Findings' `app`). */
export const LABEL_APP_PATH = 'dev.parity.app-path';

export interface MemoryStats { usage?: number; max_usage?: number; limit?: number; stats?: Record<string, number> }

/** Memory in use as the kubelet counts it (working set: usage minus inactive page cache). */
export function workingSet(m: MemoryStats): number | undefined {
  return m.usage === undefined ? undefined : m.usage - (m.stats?.total_inactive_file ?? m.stats?.inactive_file ?? 0);
}
