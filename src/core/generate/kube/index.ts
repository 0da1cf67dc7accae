// Every Kubernetes manifest of one app: file name, object, and comment lines for the file's header.
import type { AppPlan } from '../plan';
import { deployment } from './deployment';
import { service } from './service';
import { configMap, configMapNotes } from './configmap';
import { secretExample, secretExampleNotes } from './secret-example';
import { ingress } from './ingress';
import { hpa, HPA_MIN } from './hpa';
import { pdb } from './pdb';
import { kustomization } from './kustomization';
import { configData, secretKeys } from './env';

export interface Manifest { file: string; object: Record<string, unknown>; notes: string[] }

export interface KubeOptions { tag: string; gid: number; ingress?: boolean; hpa?: boolean; pdb?: boolean }

export function manifests(plan: AppPlan, opts: KubeOptions): Manifest[] {
  const v = opts.tag;
  const out: Manifest[] = [];
  const replicas = opts.hpa ? null : opts.pdb ? HPA_MIN : 1;
  out.push({ file: 'deployment.yaml', object: deployment(plan, { version: v, replicas, gid: opts.gid }), notes: opts.hpa ? [`No replicas field: hpa.yaml scales between ${HPA_MIN} and its maximum.`] : [] });
  if (Object.keys(configData(plan)).length) out.push({ file: 'configmap.yaml', object: configMap(plan, v), notes: configMapNotes(plan) });
  if (Object.keys(secretKeys(plan)).length) out.push({ file: 'secret.example.yaml', object: secretExample(plan, v), notes: secretExampleNotes(plan) });
  if (plan.port !== null) out.push({ file: 'service.yaml', object: service(plan, v), notes: [] });
  if (opts.ingress && plan.port !== null) out.push({ file: 'ingress.yaml', object: ingress(plan, v), notes: ['Replace the example host with the real one; add TLS and an ingressClassName for your cluster.'] });
  if (opts.hpa) out.push({ file: 'hpa.yaml', object: hpa(plan, v), notes: ['Needs metrics-server in the cluster.'] });
  if (opts.pdb) out.push({ file: 'pdb.yaml', object: pdb(plan, v), notes: [] });
  const applied = out.filter((m) => m.file !== 'secret.example.yaml').map((m) => m.file);
  const notes = out.some((m) => m.file === 'secret.example.yaml') ? [`Create the Secret ${plan.name}-secrets before applying (see secret.example.yaml).`] : [];
  out.push({ file: 'kustomization.yaml', object: kustomization(plan, applied, v), notes });
  return out;
}
