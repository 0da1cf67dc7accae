import type { AppPlan } from '../plan';
import { metadata, selectorLabels } from './labels';

export function pdb(plan: AppPlan, version: string): Record<string, unknown> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(plan, plan.name, version),
    spec: { minAvailable: 1, selector: { matchLabels: selectorLabels(plan) } },
  };
}
