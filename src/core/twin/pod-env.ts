// The env a pod gets from its manifest, resolved for a local run: envFrom first, then `env:` entries (which
// win, as in Kubernetes). ConfigMap values come from the manifests; Secret values only from the app's
// `.env` (Parity never reads or writes Secret values elsewhere). A required reference without a value is a
// MissingKey, reported before the container starts.
import type { RunConstraints } from './constraints';
import type { ManifestData } from './from-manifest';

export interface MissingKey {
  /** Env var name in the container (envFrom keys: the prefixed key). */
  name: string;
  kind: 'secret' | 'configMap';
  object: string;
  key: string;
  line: number;
  /** The whole object is absent (not just the key). */
  objectMissing: boolean;
}

export interface PodEnv {
  env: Record<string, string>;
  /** Names whose value came from .env because they are Secret references (never printed). */
  secretNames: string[];
  missing: MissingKey[];
  notes: string[];
}

export function resolvePodEnv(c: RunConstraints, data: ManifestData, dotenv: Record<string, string>): PodEnv {
  const env: Record<string, string> = {};
  const secretNames = new Set<string>();
  const missing: MissingKey[] = [];
  const notes: string[] = [];
  const emptyFromDotenv: string[] = [];
  const fromConfigMap = (name: string, value: string) => {
    // A generated ConfigMap leaves required settings empty for the user to fill in; .env is where they are locally.
    if (value === '' && c.manifest.generated && dotenv[name] !== undefined) {
      emptyFromDotenv.push(name);
      return dotenv[name];
    }
    return value;
  };

  for (const ref of c.envFrom) {
    if (ref.configMap) {
      const cm = data.configMaps[ref.configMap];
      if (!cm) {
        if (!ref.optional) missing.push({ name: `${ref.prefix}*`, kind: 'configMap', object: ref.configMap, key: '*', line: ref.line, objectMissing: true });
        continue;
      }
      for (const [k, v] of Object.entries(cm)) env[ref.prefix + k] = fromConfigMap(ref.prefix + k, v);
    }
    if (ref.secret) {
      const keys = data.secretKeys[ref.secret];
      if (!keys) {
        notes.push(`envFrom Secret ${ref.secret}: its keys are not in the manifests, so none are set locally (list them in a Secret manifest or use secretKeyRef)`);
        continue;
      }
      for (const k of keys) {
        const name = ref.prefix + k;
        if (dotenv[name] !== undefined) {
          env[name] = dotenv[name];
          secretNames.add(name);
        } else if (!ref.optional) missing.push({ name, kind: 'secret', object: ref.secret, key: k, line: ref.line, objectMissing: false });
      }
    }
  }
  for (const e of c.env) {
    if (e.from === 'value') env[e.name] = e.value ?? '';
    else if (e.from === 'configMap') {
      const cm = e.object ? data.configMaps[e.object] : undefined;
      const value = cm?.[e.key ?? e.name];
      if (value !== undefined) env[e.name] = fromConfigMap(e.name, value);
      else if (!e.optional) missing.push({ name: e.name, kind: 'configMap', object: e.object ?? '', key: e.key ?? e.name, line: e.line, objectMissing: !cm });
    } else if (e.from === 'secret') {
      const value = dotenv[e.name] ?? (e.key ? dotenv[e.key] : undefined);
      if (value !== undefined) {
        env[e.name] = value;
        secretNames.add(e.name);
      } else if (!e.optional) missing.push({ name: e.name, kind: 'secret', object: e.object ?? '', key: e.key ?? e.name, line: e.line, objectMissing: false });
    } else if (e.from === 'field') {
      const v = fieldValue(e.object ?? '', c.manifest.container);
      if (v !== undefined) env[e.name] = v;
      else notes.push(`${e.name}: ${e.object} has no local equivalent and is not set`);
    }
  }
  if (emptyFromDotenv.length) notes.push(`empty in the generated ConfigMap, taken from .env: ${emptyFromDotenv.sort().join(', ')}`);
  return { env, secretNames: [...secretNames].sort(), missing, notes };
}

function fieldValue(path: string, container: string): string | undefined {
  if (path === 'metadata.name' || path === 'spec.nodeName') return `${container}-local`;
  if (path === 'metadata.namespace') return 'default';
  return undefined;
}
