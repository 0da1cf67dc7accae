import type { AppPlan } from '../plan';
import { metadata, selectorLabels, SERVICE_PORT } from './labels';

/** ClusterIP Service on port 80 to the container's named `http` port. */
export function service(plan: AppPlan, version: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(plan, plan.name, version),
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(plan),
      ports: [{ name: 'http', port: SERVICE_PORT, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}
