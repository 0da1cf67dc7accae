// Per-ecosystem resource requests and limits: a starting point sized for a small service.
import type { Ecosystem } from '../../model';

export interface Resources { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } }

const R = (rc: string, rm: string, lc: string, lm: string): Resources => ({ requests: { cpu: rc, memory: rm }, limits: { cpu: lc, memory: lm } });

export const RESOURCES: Record<Ecosystem, Resources> = {
  node: R('100m', '128Mi', '500m', '512Mi'),
  python: R('100m', '256Mi', '1', '512Mi'),
  go: R('50m', '64Mi', '500m', '256Mi'),
  rust: R('50m', '64Mi', '500m', '256Mi'),
  java: R('250m', '512Mi', '1', '1Gi'),
  dotnet: R('100m', '256Mi', '1', '512Mi'),
  ruby: R('250m', '384Mi', '1', '768Mi'),
  php: R('100m', '128Mi', '500m', '512Mi'),
  static: R('25m', '32Mi', '250m', '128Mi'),
};

/** Seconds a slow starter (JVM, Rails) may take before liveness applies, via the startup probe. */
export function startupBudget(eco: Ecosystem): number {
  return eco === 'java' || eco === 'ruby' || eco === 'dotnet' ? 120 : 60;
}
