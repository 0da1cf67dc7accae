// Strict field check of every golden Kubernetes object: each key must exist in the Kubernetes API type at
// that position (the type maps of @kubernetes/client-node's models), as `kubectl apply --validate=strict`
// would demand. kubernetes-models (used at generation time) accepts unknown fields, so a typo such as
// `readinesProbe` would otherwise pass. Tests only: src/core never imports the Kubernetes client.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { parseYamlDocs } from '../../src/core/parse/structured';
import { GOLDEN } from '../helpers/paths';

type AttributeMap = { name: string; baseName: string; type: string }[];
const models = k8s as unknown as Record<string, { getAttributeTypeMap?: () => AttributeMap } | undefined>;

const ROOT_TYPES: Record<string, string> = {
  'apps/v1/Deployment': 'V1Deployment',
  'v1/Service': 'V1Service',
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Secret': 'V1Secret',
  'networking.k8s.io/v1/Ingress': 'V1Ingress',
  'autoscaling/v2/HorizontalPodAutoscaler': 'V2HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'V1PodDisruptionBudget',
};

export function unknownFields(value: unknown, type: string, at: string): string[] {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return Array.isArray(value) ? value.flatMap((v, i) => unknownFields(v, array[1], `${at}[${i}]`)) : [];
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => unknownFields(v, map[1], `${at}.${k}`)) : [];
  const attrs = models[type]?.getAttributeTypeMap?.();
  if (!attrs || !value || typeof value !== 'object') return [];
  const byName = new Map(attrs.map((a) => [a.baseName, a.type]));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    byName.has(k) ? unknownFields(v, byName.get(k)!, `${at}.${k}`) : [`${at}.${k} is not a field of ${type}`]);
}

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('the strict check flags a misspelt field', () => {
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { template: { spec: { containers: [{ name: 'x', readinesProbe: {} }] } } } };
  assert.deepEqual(unknownFields(dep, 'V1Deployment', ''), ['.spec.template.spec.containers[0].readinesProbe is not a field of V1Container']);
});

test('every golden Kubernetes object uses only fields its API type has', () => {
  let checked = 0;
  for (const file of files(GOLDEN).filter((f) => f.includes(`${path.sep}expected${path.sep}`) && f.endsWith('.yaml') && !f.endsWith('compose.yaml'))) {
    const docs = parseYamlDocs(fs.readFileSync(file, 'utf8'));
    assert.ok(docs.ok);
    for (const doc of docs.value as Record<string, unknown>[]) {
      const type = ROOT_TYPES[`${doc.apiVersion}/${doc.kind}`];
      if (!type) continue; // the Kustomization is not an API object
      assert.ok(models[type]?.getAttributeTypeMap, `the client has a model for ${type}`);
      assert.deepEqual(unknownFields(doc, type, ''), [], path.relative(GOLDEN, file));
      checked++;
    }
  }
  assert.ok(checked > 100, `checked ${checked} objects`);
});
