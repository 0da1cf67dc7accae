import type { AppPlan } from '../plan';

/** Lists the applied manifests (never secret.example.yaml) and the image so CI can set its tag. */
export function kustomization(plan: AppPlan, resources: string[], tag: string): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources].sort(),
    images: [{ name: plan.name, newTag: tag }],
  };
}
