// Which manifests describe production for an app: its committed Kubernetes files first (they are what
// will be deployed), else the plan `parity generate` would write. Paths are relative to the scanned root.
import type { AppProfile } from '../model';
import type { RepoReader } from '../repo';
import { constraintsFromManifests, type ManifestData } from './from-manifest';
import type { RunConstraints } from './constraints';

export interface LoadedConstraints {
  constraints?: RunConstraints;
  data: ManifestData;
  /** Where they came from, for the user: `committed deploy/k8s/deployment.yaml`, `generated plan`, or why none. */
  origin: string;
  errors: string[];
}

export function loadConstraints(repo: RepoReader, profile: AppProfile, generated: readonly { path: string; content: string }[]): LoadedConstraints {
  const prefix = profile.path === '.' ? '' : `${profile.path}/`;
  const committed = (profile.existing?.kubernetes ?? []).map((f) => ({ file: prefix + f, text: repo.readText(prefix + f) ?? '' })).filter((f) => f.text);
  const errors: string[] = [];
  if (committed.length) {
    const read = constraintsFromManifests(committed, profile.name, false);
    errors.push(...read.errors);
    if (read.constraints) return { ...read, errors, origin: `committed ${read.constraints.manifest.file}` };
    errors.push(`no workload for ${profile.name} in the committed manifests (${committed.map((f) => f.file).join(', ')}): using the generated plan`);
  }
  const plan = constraintsFromManifests(generated.map((g) => ({ file: g.path, text: g.content })), profile.name, true);
  errors.push(...plan.errors);
  if (plan.constraints) return { ...plan, errors, origin: `generated plan (${plan.constraints.manifest.file}, not written)` };
  return { data: plan.data, errors, origin: 'no Deployment for this app (nothing to apply)' };
}
