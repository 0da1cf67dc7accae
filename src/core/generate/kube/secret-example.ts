import type { AppPlan } from '../plan';
import { metadata, secretName } from './labels';
import { secretKeys } from './env';

/** An EXAMPLE Secret with placeholders only; kustomization.yaml never lists it. */
export function secretExample(plan: AppPlan, version: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Secret', metadata: metadata(plan, secretName(plan), version), type: 'Opaque', stringData: secretKeys(plan) };
}

export function secretExampleNotes(plan: AppPlan): string[] {
  const keys = Object.keys(secretKeys(plan));
  return [
    'EXAMPLE ONLY: placeholder values, not real credentials. Not applied by kustomization.yaml.',
    'Create the real Secret out of band, e.g.:',
    `  kubectl create secret generic ${secretName(plan)} ${keys.map((k) => `--from-literal=${k}=...`).join(' ')}`,
  ];
}
