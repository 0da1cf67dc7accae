import type { AppPlan } from '../plan';
import { configMapName, metadata } from './labels';
import { configData } from './env';

/** Non-secret env. Empty values are required settings the code reads without a default: fill them in. */
export function configMap(plan: AppPlan, version: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(plan, configMapName(plan), version), data: configData(plan) };
}

export function configMapNotes(plan: AppPlan): string[] {
  const notes: string[] = [];
  if (plan.env.config.length) notes.push(`Set before deploying (read by the code, no default): ${plan.env.config.map((e) => e.name).join(', ')}`);
  if (plan.env.services.some((v) => !v.secret)) notes.push('Service addresses assume in-cluster Services named after the service (postgres, redis…).');
  if (plan.env.optional.length) notes.push(`Optional (the code has a default): ${plan.env.optional.map((e) => e.name).join(', ')}`);
  return notes;
}
