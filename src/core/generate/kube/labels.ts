// The app.kubernetes.io/* labels every object carries, and the stable subset used as selectors.
import type { AppPlan } from '../plan';
import { sortedRecord } from '../yaml';

export function selectorLabels(plan: AppPlan): Record<string, string> {
  return sortedRecord({ 'app.kubernetes.io/instance': plan.name, 'app.kubernetes.io/name': plan.name });
}

export function commonLabels(plan: AppPlan, version: string): Record<string, string> {
  return sortedRecord({
    ...selectorLabels(plan),
    'app.kubernetes.io/component': plan.shape === 'worker' ? 'worker' : plan.shape === 'server' ? 'server' : 'web',
    'app.kubernetes.io/managed-by': 'parity',
    'app.kubernetes.io/version': version,
  });
}

export function metadata(plan: AppPlan, name: string, version: string): { name: string; labels: Record<string, string> } {
  return { name, labels: commonLabels(plan, version) };
}

export const configMapName = (plan: AppPlan) => `${plan.name}-config`;
export const secretName = (plan: AppPlan) => `${plan.name}-secrets`;
export const SERVICE_PORT = 80;
