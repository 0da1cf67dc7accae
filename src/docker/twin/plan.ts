// From a prepared `up` to what the prod twin runs: the env as the pod gets it (ConfigMap values, literal
// env, Secret references from .env), the keys nobody provides (Findings, before anything starts), and
// the TwinOptions for `up`. Local backing-service addresses replace in-cluster ones, and say so.
import type { Finding } from '../../core/model';
import { missingKeyFindings } from '../../core/twin/findings';
import { resolvePodEnv } from '../../core/twin/pod-env';
import type { PreparedUp } from '../prepare';
import type { TwinOptions } from './run';

export interface TwinPlan {
  twin?: TwinOptions;
  env: Record<string, string>;
  /** Reported before start; `up` must not run while any is an error. */
  findings: Finding[];
  notes: string[];
}

const COMMON_HEALTH_PATHS = ['/healthz', '/health', '/readyz', '/ready', '/livez', '/status', '/ping', '/'];

export function planTwin(prepared: PreparedUp, apply: boolean): TwinPlan {
  const { constraints, data, origin, errors } = prepared.manifests;
  const notes = [`production constraints: ${apply ? '' : 'NOT applied (--no-prod-constraints); compared against '}${origin}`, ...errors];
  if (!constraints) return { env: prepared.env, findings: [], notes };
  notes.push(...constraints.notes);
  const appPath = prepared.profile.path;
  const candidatePaths = [...(prepared.profile.healthPath ? [prepared.profile.healthPath.value] : []), ...COMMON_HEALTH_PATHS];
  const twin: TwinOptions = { constraints, apply, appPath, candidatePaths };
  if (!apply) return { twin, env: prepared.env, findings: [], notes };

  const pod = resolvePodEnv(constraints, data, prepared.dotenv);
  notes.push(...pod.notes);
  const env = { ...pod.env };
  // Service addresses the compose plan set (not from .env) point at the local services on the network.
  const local = Object.entries(prepared.env).filter(([k]) => prepared.dotenv[k] === undefined);
  const replaced = local.filter(([k, v]) => env[k] !== undefined && env[k] !== v).map(([k]) => k);
  for (const [k, v] of local) if (env[k] !== undefined) env[k] = v;
  if (replaced.length) notes.push(`local service addresses replace the manifest's: ${replaced.join(', ')}`);
  if (pod.secretNames.length) notes.push(`Secret keys from .env (values not shown): ${pod.secretNames.join(', ')}`);
  return { twin, env, findings: missingKeyFindings(constraints, pod.missing, appPath), notes };
}
