// How an app's env vars reach the container in Kubernetes: plain config and service addresses from the
// ConfigMap, credentials from a Secret the user creates (never from values Parity writes).
import type { AppPlan } from '../plan';
import { serviceValue } from '../services';
import { configMapName, secretName } from './labels';

export interface EnvEntry {
  name: string;
  valueFrom: { configMapKeyRef: { name: string; key: string } } | { secretKeyRef: { name: string; key: string; optional?: boolean } };
}

/** ConfigMap data: PORT, service addresses (in-cluster Service names), and required config left empty. */
export function configData(plan: AppPlan): Record<string, string> {
  const data: Record<string, string> = {};
  if (plan.port !== null && plan.app.env.some((e) => e.name === 'PORT')) data.PORT = String(plan.port);
  for (const v of plan.env.services) if (!v.secret) data[v.name] = serviceValue(v, v.service, '');
  for (const e of plan.env.config) data[e.name] = '';
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Secret keys (placeholders in the example) with a hint of the expected shape. */
export function secretKeys(plan: AppPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of plan.env.services) if (v.secret) out[v.name] = serviceValue(v, v.service, 'CHANGE-ME');
  for (const e of plan.env.secrets) out[e.name] = 'CHANGE-ME';
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function containerEnv(plan: AppPlan): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const key of Object.keys(configData(plan))) entries.push({ name: key, valueFrom: { configMapKeyRef: { name: configMapName(plan), key } } });
  const optional = new Set(plan.env.secrets.filter((e) => e.hasDefault).map((e) => e.name));
  for (const key of Object.keys(secretKeys(plan))) {
    entries.push({ name: key, valueFrom: { secretKeyRef: { name: secretName(plan), key, ...(optional.has(key) ? { optional: true } : {}) } } });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : 1));
}
