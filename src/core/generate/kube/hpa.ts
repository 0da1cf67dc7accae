import type { AppPlan } from '../plan';
import { metadata } from './labels';

export const HPA_MIN = 2;

export function hpa(plan: AppPlan, version: string): Record<string, unknown> {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(plan, plan.name, version),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: plan.name },
      minReplicas: HPA_MIN,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}
