import type { AppPlan } from '../plan';
import { metadata } from './labels';

export function ingress(plan: AppPlan, version: string): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(plan, plan.name, version),
    spec: {
      rules: [{
        host: `${plan.name}.example.com`,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: plan.name, port: { name: 'http' } } } }] },
      }],
    },
  };
}
