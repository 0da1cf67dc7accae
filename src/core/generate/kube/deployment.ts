// Deployment: non-root with a read-only root filesystem, named port, probes on the health path (else TCP),
// per-ecosystem resources, env from the ConfigMap and a user-created Secret.
import type { AppPlan } from '../plan';
import { dnsLabel } from '../names';
import { commonLabels, metadata, selectorLabels } from './labels';
import { containerEnv } from './env';

/** `replicas: null` leaves the count to a HorizontalPodAutoscaler (so `kubectl apply` does not reset it). */
export interface DeploymentOptions { version: string; replicas: number | null; gid: number }

export function probeAction(plan: AppPlan): Record<string, unknown> {
  return plan.healthPath ? { httpGet: { path: plan.healthPath, port: 'http' } } : { tcpSocket: { port: 'http' } };
}

export function volumeName(path: string): string {
  return dnsLabel(path.replace(/^\//, ''));
}

export function deployment(plan: AppPlan, opts: DeploymentOptions): Record<string, unknown> {
  const server = plan.port !== null;
  const action = probeAction(plan);
  const period = 10;
  const container: Record<string, unknown> = {
    name: plan.name,
    image: plan.image,
    imagePullPolicy: 'IfNotPresent',
  };
  if (server) container.ports = [{ name: 'http', containerPort: plan.port, protocol: 'TCP' }];
  const env = containerEnv(plan);
  if (env.length) container.env = env;
  if (server) {
    container.startupProbe = { ...action, periodSeconds: 2, failureThreshold: Math.ceil(plan.ecosystem.runtime.startupSeconds / 2), timeoutSeconds: 3 };
    container.readinessProbe = { ...action, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 3 };
    container.livenessProbe = { ...action, periodSeconds: period, failureThreshold: 3, timeoutSeconds: 5 };
  }
  container.resources = plan.ecosystem.resources;
  container.securityContext = {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: plan.uid,
  };
  container.volumeMounts = plan.writablePaths.map((p) => ({ name: volumeName(p), mountPath: p }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(plan, plan.name, opts.version),
    spec: {
      ...(opts.replicas === null ? {} : { replicas: opts.replicas }),
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(plan) },
      template: {
        metadata: { labels: commonLabels(plan, opts.version) },
        spec: {
          automountServiceAccountToken: false,
          securityContext: {
            fsGroup: opts.gid === 0 ? plan.uid : opts.gid,
            runAsGroup: opts.gid,
            runAsNonRoot: true,
            runAsUser: plan.uid,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [container],
          volumes: plan.writablePaths.map((p) => ({ name: volumeName(p), emptyDir: {} })),
        },
      },
    },
  };
}
