// The port the app listens on disagrees with EXPOSE, containerPort, the Service's targetPort or a probe:
// probes fail, the Service routes nowhere.
import type { Evidence, Finding, TextEdit } from '../../model';
import type { DriftContext, Unit } from '../context';
import type { Rule } from '../rule';
import { exposedPorts, finalStage, instructions, stageChain } from '../../manifests/dockerfile';
import { mainContainer } from './ENV_MISSING';
import { matchesSelector } from '../context';

interface AppPort { port: number; evidence: Evidence; via: string }

function portEnv(ctx: DriftContext, unit: Unit): { value: number; evidence: Evidence } | undefined {
  for (const w of unit.kube.workloads) {
    const c = mainContainer(unit, w);
    const e = c?.env.find((x) => x.name === 'PORT' && x.value && /^\d+$/.test(x.value));
    if (e) return { value: Number(e.value), evidence: { file: e.file, line: e.line, excerpt: `PORT=${e.value}` } };
  }
  const df = unit.dockerfile;
  const stage = df && finalStage(df);
  if (df && stage) for (const s of stageChain(df, stage)) for (const i of instructions(s, 'ENV')) {
    const m = /\bPORT[= ]\s*["']?(\d{2,5})/.exec(i.args);
    if (m) return { value: Number(m[1]), evidence: { file: df.path, line: i.line, excerpt: df.lines[i.line - 1]?.trim() } };
  }
  void ctx;
  return undefined;
}

/** Port the code listens on: detection's, else this scan's; a PORT env set by the deployment overrides a fallback. */
export function appPort(ctx: DriftContext, unit: Unit): AppPort | undefined {
  let found: AppPort | undefined;
  const p = unit.app?.port;
  if (p && !p.source.startsWith('default')) {
    const m = /^(.*):(\d+)$/.exec(p.source);
    found = { port: p.value, evidence: m ? { file: m[1], line: Number(m[2]) } : { file: p.source.split(' > ')[0], excerpt: p.source }, via: 'code' };
  }
  const scan = ctx.scan(unit);
  if (!found && scan.listen) found = { port: scan.listen.port, evidence: { file: scan.listen.file, line: scan.listen.line, excerpt: scan.listen.excerpt }, via: 'code' };
  const readsPortEnv = scan.readsPortEnv;
  const env = readsPortEnv ? portEnv(ctx, unit) : undefined;
  if (env) return { port: env.value, evidence: env.evidence, via: 'PORT' };
  return found;
}

function replaceNumber(ctx: DriftContext, file: string, line: number, from: number, to: number): TextEdit | undefined {
  const text = ctx.read(file)?.split('\n')[line - 1];
  if (text === undefined) return undefined;
  const re = new RegExp(`\\b${from}\\b`);
  return re.test(text) ? { file, line, newText: text.replace(/\r$/, '').replace(re, String(to)) } : undefined;
}

export const PORT_MISMATCH: Rule = {
  id: 'PORT_MISMATCH',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const df = unit.dockerfile;
      const stage = df && finalStage(df);
      const expose = df && stage ? stageChain(df, stage).flatMap((s) => instructions(s, 'EXPOSE')).flatMap((i) => exposedPorts(i).map((port) => ({ port, line: i.line }))) : [];
      const code = appPort(ctx, unit);
      const containerPorts = unit.kube.workloads.flatMap((w) => (mainContainer(unit, w)?.ports ?? []));
      const expected = code ?? (expose[0] && df ? { port: expose[0].port, evidence: { file: df.path, line: expose[0].line } as Evidence, via: 'EXPOSE' } : undefined);
      if (!expected) continue;
      const P = expected.port;
      const push = (severity: 'error' | 'warning', title: string, message: string, ev: Evidence, edit?: TextEdit) => out.push({
        id: 'PORT_MISMATCH', severity, title, message, evidence: [expected.evidence, ev],
        fix: { text: `Use port ${P} ${title.split(' ')[0] === 'EXPOSE' ? 'in EXPOSE' : 'there'} (the port the app listens on).`, ...(edit ? { edits: [edit] } : {}) },
        app: unit.dir || '.',
      });
      const from = expected.via === 'code' ? `the app listens on ${P}` : expected.via === 'PORT' ? `PORT is set to ${P}` : `the image exposes ${P}`;
      if (expected.via !== 'EXPOSE' && expose.length && !expose.some((e) => e.port === P)) {
        const e = expose[0];
        push('warning', `EXPOSE ${e.port} but ${from}`, `${df!.path}:${e.line} exposes ${expose.map((x) => x.port).join(', ')}, but ${from}.`, { file: df!.path, line: e.line, excerpt: df!.lines[e.line - 1]?.trim() }, replaceNumber(ctx, df!.path, e.line, e.port, P));
      }
      for (const w of unit.kube.workloads) {
        const c = mainContainer(unit, w);
        if (!c) continue;
        if (c.ports.length && !c.ports.some((p) => p.containerPort === P)) {
          const p = c.ports[0];
          push('error', `containerPort ${p.containerPort} but ${from}`, `${w.kind} ${w.name} declares containerPort ${c.ports.map((x) => x.containerPort).join(', ')} for ${c.name}, but ${from}.`, { file: p.file, line: p.line, excerpt: `containerPort: ${p.containerPort}` }, replaceNumber(ctx, p.file, p.line, p.containerPort, P));
        }
        for (const probe of c.probes) {
          const port = typeof probe.port === 'number' ? probe.port : c.ports.find((x) => x.name === probe.port)?.containerPort;
          if (port === undefined || port === P) continue;
          push('error', `${probe.kind} checks port ${port} but ${from}`, `The ${probe.kind} of ${c.name} in ${w.file} checks port ${probe.port}${typeof probe.port === 'string' ? ` (${port})` : ''}, but ${from}: the probe fails and the pod ${probe.kind === 'livenessProbe' ? 'restarts forever' : 'never becomes ready'}.`, { file: probe.file, line: probe.line, excerpt: `port: ${probe.port}` }, typeof probe.port === 'number' ? replaceNumber(ctx, probe.file, probe.line, port, P) : undefined);
        }
      }
      for (const svc of unit.kube.services) {
        const pods = unit.kube.workloads.filter((w) => matchesSelector(svc.selector, w.podLabels));
        if (!pods.length) continue;
        for (const sp of svc.ports) {
          const named = typeof sp.targetPort === 'string' ? pods.flatMap((w) => mainContainer(unit, w)?.ports ?? []).find((x) => x.name === sp.targetPort) : undefined;
          if (typeof sp.targetPort === 'string' && !named) {
            push('error', `Service ${svc.name} targets port '${sp.targetPort}', which no container names`, `Service ${svc.name} routes to the named port '${sp.targetPort}', but no selected container declares a port with that name: the Service routes nowhere.`, { file: sp.file, line: sp.line, excerpt: `targetPort: ${sp.targetPort}` });
            continue;
          }
          const port = named ? named.containerPort : (sp.targetPort as number);
          if (port === P || containerPorts.length > 1 && containerPorts.some((c) => c.containerPort === port && port !== P) && svc.ports.length > 1) continue;
          push('error', `Service ${svc.name} targets ${port} but ${from}`, `Service ${svc.name} sends traffic to port ${port}, but ${from}: requests are refused.`, { file: sp.file, line: sp.line, excerpt: `targetPort: ${sp.targetPort}` }, typeof sp.targetPort === 'number' ? replaceNumber(ctx, sp.file, sp.line, port, P) : undefined);
        }
      }
      const img = ctx.image;
      if (img && img.exposedPorts.length && !img.exposedPorts.includes(P) && expected.via !== 'EXPOSE' && !expose.length) {
        push('warning', `image exposes ${img.exposedPorts.join(', ')} but ${from}`, `Image ${img.ref} exposes ${img.exposedPorts.join(', ')}, but ${from}.`, { image: img.ref, path: 'config > ExposedPorts' });
      }
    }
    return out;
  },
};
