// Reads the generated compose.yaml into what `up` needs: the backing services to start (image, env,
// healthcheck, volumes) and the app service's environment (service URLs). Only the compose subset Parity
// generates is understood; anything else is ignored rather than guessed.
import { parse } from 'yaml';
import { interpolate } from './envfile';

export interface HealthSpec {
  test: string[];
  intervalNs?: number;
  timeoutNs?: number;
  retries?: number;
  startPeriodNs?: number;
}

export interface ServiceSpec {
  name: string;
  image: string;
  env: Record<string, string>;
  command?: string[];
  healthcheck?: HealthSpec;
  /** Named volumes: compose volume name → path in the container. */
  volumes: { name: string; target: string }[];
  /** Compose services this one depends on. */
  dependsOn: string[];
}

export interface ComposePlan {
  /** Services with an image and no build: the backing services. */
  services: ServiceSpec[];
  /** Services built from source, by compose service name, with their environment. */
  apps: { name: string; context: string; dockerfile?: string; env: Record<string, string>; dependsOn: string[] }[];
}

export function readComposePlan(text: string, vars: Record<string, string | undefined>): ComposePlan {
  // Parsed first, then `${VAR}` is filled into string values: a .env value is always a string (`01234`
  // stays `01234`) and can never add YAML keys, services or aliases, whatever characters it holds.
  const doc = interpolateStrings(parse(text), vars) as { services?: Record<string, Record<string, unknown>> } | null;
  const plan: ComposePlan = { services: [], apps: [] };
  for (const [name, svc] of Object.entries(doc?.services ?? {})) {
    if (!svc || typeof svc !== 'object') continue;
    const env = envOf(svc.environment);
    const dependsOn = dependsOf(svc.depends_on);
    if (svc.build !== undefined) {
      const build = svc.build as string | { context?: string; dockerfile?: string };
      const context = typeof build === 'string' ? build : build?.context ?? '.';
      const dockerfile = typeof build === 'object' && typeof build?.dockerfile === 'string' ? build.dockerfile : undefined;
      plan.apps.push({ name, context: normalise(context), ...(dockerfile ? { dockerfile } : {}), env, dependsOn });
    } else if (typeof svc.image === 'string') {
      plan.services.push({
        name,
        image: svc.image,
        env,
        command: commandOf(svc.command),
        healthcheck: healthOf(svc.healthcheck),
        volumes: volumesOf(svc.volumes),
        dependsOn,
      });
    }
  }
  return plan;
}

function interpolateStrings(v: unknown, vars: Record<string, string | undefined>): unknown {
  if (typeof v === 'string') {
    // A value that is only an unset `${VAR}` leaves the variable unset, so the app's own default applies.
    const lone = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(v);
    if (lone && vars[lone[1]] === undefined) return null;
    return interpolate(v, vars);
  }
  if (Array.isArray(v)) return v.map((x) => interpolateStrings(x, vars));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, interpolateStrings(x, vars)]));
  return v;
}

function normalise(p: string): string {
  const s = p.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/$/, '');
  return s || '.';
}

function envOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = String(item);
      const eq = s.indexOf('=');
      if (eq > 0) out[s.slice(0, eq)] = s.slice(eq + 1);
    }
  } else if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = String(val);
  }
  return out;
}

function dependsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (v && typeof v === 'object') return Object.keys(v);
  return [];
}

function commandOf(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return ['/bin/sh', '-c', v];
  return undefined;
}

function healthOf(v: unknown): HealthSpec | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const h = v as Record<string, unknown>;
  if (h.disable === true) return undefined;
  let test: string[];
  if (Array.isArray(h.test)) test = h.test.map(String);
  else if (typeof h.test === 'string') test = ['CMD-SHELL', h.test];
  else return undefined;
  return {
    test,
    intervalNs: durationNs(h.interval),
    timeoutNs: durationNs(h.timeout),
    retries: typeof h.retries === 'number' ? h.retries : undefined,
    startPeriodNs: durationNs(h.start_period),
  };
}

function volumesOf(v: unknown): { name: string; target: string }[] {
  if (!Array.isArray(v)) return [];
  const out: { name: string; target: string }[] = [];
  for (const item of v) {
    if (typeof item === 'string') {
      const [source, target] = item.split(':');
      // Named volumes only; bind mounts (./x, /x) are not part of a local run of the image.
      if (target && source && !source.startsWith('.') && !source.startsWith('/') && !source.startsWith('~')) out.push({ name: source, target });
    } else if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      if (o.type === 'volume' && typeof o.source === 'string' && typeof o.target === 'string') out.push({ name: o.source, target: o.target });
    }
  }
  return out;
}

/** Compose durations: `10s`, `1m30s`, `500ms`, `2h`. */
export function durationNs(v: unknown): number | undefined {
  if (typeof v === 'number') return v * 1e9;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(ms|us|ns|h|m|s)/g;
  const unit: Record<string, number> = { h: 3600e9, m: 60e9, s: 1e9, ms: 1e6, us: 1e3, ns: 1 };
  let total = 0;
  let matched = false;
  for (const m of v.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    matched = true;
  }
  return matched ? Math.round(total) : undefined;
}
