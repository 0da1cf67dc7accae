// compose.yaml at the scanned root: every app (built from its folder) plus each backing service it needs,
// with pinned images, healthchecks, named volumes, and env wired to the compose service names.
import type { ServiceKind } from '../model';
import { isRequired, type AppPlan } from './plan';
import { SERVICE_SPECS, composePassword, serviceValue } from './services';
import { quoted, sortedRecord } from './yaml';

export interface ComposeResult { object: Record<string, unknown>; notes: string[] }

export function compose(plans: AppPlan[], serviceNames: Map<ServiceKind, string>): ComposeResult {
  const services: Record<string, unknown> = {};
  const volumes: Record<string, Record<string, never>> = {};
  const hostPorts = new Set<number>();
  const notes: string[] = [];
  const needed = [...new Set(plans.flatMap((p) => p.app.services.map((s) => s.value)))].sort();

  for (const plan of plans) {
    const entry: Record<string, unknown> = {
      build: plan.context === plan.dir
        ? { context: plan.dir ? `./${plan.dir}` : '.' }
        : { context: plan.context ? `./${plan.context}` : '.', dockerfile: `${plan.inContext}/Dockerfile` },
      image: plan.image,
    };
    if (plan.port !== null) {
      let host = plan.port;
      while (hostPorts.has(host)) host++;
      hostPorts.add(host);
      entry.ports = [quoted(`${host}:${plan.port}`)];
    }
    const env: Record<string, string> = {};
    if (plan.port !== null && plan.app.env.some((e) => e.name === 'PORT')) env.PORT = String(plan.port);
    for (const v of plan.env.services) env[v.name] = serviceValue(v, serviceNames.get(v.service)!, composePassword(v.service));
    // Required settings only; optional ones stay
    // unset so the code's default applies.
    for (const e of [...plan.env.config, ...plan.env.secrets.filter(isRequired)]) env[e.name] = `\${${e.name}}`;
    if (Object.keys(env).length) entry.environment = sortedRecord(env);
    const deps = [...new Set(plan.app.services.map((s) => s.value))].sort();
    if (deps.length) {
      entry.depends_on = Object.fromEntries(deps.map((k) => [serviceNames.get(k)!, { condition: SERVICE_SPECS[k].healthcheck ? 'service_healthy' : 'service_started' }]));
    }
    entry.restart = 'unless-stopped';
    services[plan.name] = entry;
    const unset = [...plan.env.config, ...plan.env.secrets.filter(isRequired)].map((e) => e.name);
    if (unset.length) notes.push(`${plan.name}: set ${unset.join(', ')} in your shell or a .env file next to this file.`);
  }

  for (const kind of needed) {
    const spec = SERVICE_SPECS[kind];
    const entry: Record<string, unknown> = { image: spec.image };
    if (Object.keys(spec.environment).length) entry.environment = sortedRecord(spec.environment);
    if (spec.healthcheck) entry.healthcheck = spec.healthcheck;
    if (spec.volume) {
      entry.volumes = [`${spec.volume.name}:${spec.volume.target}`];
      volumes[spec.volume.name] = {};
    }
    entry.restart = 'unless-stopped';
    services[serviceNames.get(kind)!] = entry;
  }
  if (needed.some((k) => composePassword(k))) notes.push('Database passwords are local-only defaults; override them in .env (never reuse them in production).');
  const object: Record<string, unknown> = { services };
  if (Object.keys(volumes).length) object.volumes = sortedRecord(volumes);
  return { object, notes };
}
