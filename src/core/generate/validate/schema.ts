// Offline validation of generated Kubernetes objects against the Kubernetes OpenAPI schema bundled in
// `kubernetes-models`, plus the naming rules the schema does not encode (DNS-1123 names, label values).
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { DNS_LABEL } from '../names';

type Validatable = { validate(): void };
const MODELS: Record<string, new (data: never) => Validatable> = {
  'apps/v1/Deployment': Deployment as never,
  'v1/Service': Service as never,
  'v1/ConfigMap': ConfigMap as never,
  'v1/Secret': Secret as never,
  'networking.k8s.io/v1/Ingress': Ingress as never,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as never,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as never,
};

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Problems with one object (empty when valid). */
export function validateObject(obj: unknown): string[] {
  const o = obj as Record<string, unknown> | null;
  if (!o || typeof o !== 'object') return ['not an object'];
  const key = `${o.apiVersion}/${o.kind}`;
  if (key === 'kustomize.config.k8s.io/v1beta1/Kustomization') return validateKustomization(o);
  const Model = MODELS[key];
  if (!Model) return [`unknown kind ${key}`];
  const problems: string[] = [];
  try {
    new Model(o as never).validate();
  } catch (err) {
    const errors = (err as { errors?: { instancePath: string; message?: string }[] }).errors;
    if (errors?.length) problems.push(...errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`));
    else problems.push(err instanceof Error ? err.message : String(err));
  }
  const meta = (o.metadata ?? {}) as { name?: string; labels?: Record<string, string> };
  if (!meta.name || !DNS_LABEL.test(meta.name) || meta.name.length > 63) problems.push(`metadata.name '${meta.name}' is not a DNS-1123 label`);
  for (const [k, v] of Object.entries(meta.labels ?? {})) if (!LABEL_VALUE.test(v) || v.length > 63) problems.push(`label ${k}: '${v}' is not a valid label value`);
  return problems;
}

function validateKustomization(o: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const resources = o.resources;
  if (!Array.isArray(resources) || resources.some((r) => typeof r !== 'string')) problems.push('resources must be a list of file names');
  else if (resources.some((r) => /secret\.example/.test(r))) problems.push('kustomization must not apply the example Secret');
  return problems;
}
