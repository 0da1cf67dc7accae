// Cross-file consistency of one app's generated set: Dockerfile EXPOSE = containerPort = Service
// targetPort = probe port = HEALTHCHECK port; USER = runAsUser; every env var the code needs is wired in
// the Deployment and in compose.
import { parseYamlDocs } from '../../parse/structured';
import type { AppProfile } from '../../model';
import { dockerfileInstructions, finalStage } from '../lint';
import { imageSetsEnv, isRequired } from '../plan';
import { moduleOf } from '../../ecosystems';

export interface AppFiles { app: AppProfile; dockerfile: string; manifests: Record<string, string>; compose?: string; composeService?: string }

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function checkConsistency(files: AppFiles): string[] {
  const problems: string[] = [];
  const stage = finalStage(dockerfileInstructions(files.dockerfile));
  const expose = stage.filter((i) => i.keyword === 'EXPOSE').map((i) => Number(i.args.split(/[\s/]/)[0]));
  const user = stage.filter((i) => i.keyword === 'USER').pop()?.args;
  const uid = user ? Number(user.split(':')[0]) : NaN;
  const hc = stage.find((i) => i.keyword === 'HEALTHCHECK');

  const docs = Object.values(files.manifests).flatMap((t) => {
    const parsed = parseYamlDocs(t);
    return parsed.ok ? (parsed.value as Obj[]) : [];
  });
  const dep = docs.find((d) => d.kind === 'Deployment');
  const svc = docs.find((d) => d.kind === 'Service');
  if (!dep) return ['no Deployment generated'];
  const container = dep.spec.template.spec.containers[0];
  const ports: Obj[] = container.ports ?? [];
  const named = new Map(ports.map((p) => [p.name, p.containerPort]));
  const containerPort = ports[0]?.containerPort;

  if (expose.length > 1) problems.push(`Dockerfile exposes several ports: ${expose.join(', ')}`);
  if ((expose[0] ?? null) !== (containerPort ?? null)) problems.push(`Dockerfile EXPOSE ${expose[0]} ≠ containerPort ${containerPort}`);
  if (containerPort !== undefined) {
    if (!hc) problems.push('a server image has no HEALTHCHECK');
    else if (!new RegExp(`\\b${containerPort}\\b`).test(hc.args)) problems.push(`HEALTHCHECK does not check port ${containerPort}`);
    const resolve = (p: unknown) => (typeof p === 'string' ? named.get(p) : p);
    if (!svc) problems.push('a server has no Service');
    else {
      const target = resolve(svc.spec.ports[0].targetPort);
      if (target !== containerPort) problems.push(`Service targetPort ${target} ≠ containerPort ${containerPort}`);
    }
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const p = container[probe];
      if (!p) { problems.push(`${probe} missing`); continue; }
      const port = resolve((p.httpGet ?? p.tcpSocket)?.port);
      if (port !== containerPort) problems.push(`${probe} port ${port} ≠ containerPort ${containerPort}`);
    }
  } else if (svc) problems.push('a Service for an app that listens on no port');

  if (!Number.isInteger(uid) || uid === 0) problems.push(`Dockerfile USER '${user}' is not a numeric non-root UID`);
  const podUid = dep.spec.template.spec.securityContext?.runAsUser;
  const ctrUid = container.securityContext?.runAsUser;
  if (podUid !== uid || ctrUid !== uid) problems.push(`runAsUser ${podUid}/${ctrUid} ≠ Dockerfile USER ${uid}`);

  const k8sEnv = new Set((container.env ?? []).map((e: Obj) => e.name));
  let composeEnv: Set<string> | undefined;
  if (files.compose && files.composeService) {
    const parsed = parseYamlDocs(files.compose);
    const service = parsed.ok ? (parsed.value[0] as Obj)?.services?.[files.composeService] : undefined;
    if (!service) problems.push(`compose has no service ${files.composeService}`);
    composeEnv = new Set(Object.keys(service?.environment ?? {}));
  }
  for (const e of files.app.env) {
    if (imageSetsEnv(moduleOf(files.app.ecosystem), e.name)) continue;
    if (!isRequired(e) && !e.secret) continue;
    if (!k8sEnv.has(e.name)) problems.push(`env ${e.name} is read by the code (${e.source}) but not wired in the Deployment`);
    // Optional secrets are an optional Secret key in Kubernetes and stay unset in compose.
    if (composeEnv && isRequired(e) && !composeEnv.has(e.name)) problems.push(`env ${e.name} is read by the code (${e.source}) but not wired in compose`);
  }
  return problems;
}
