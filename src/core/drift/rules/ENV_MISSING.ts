// Env vars the code reads without a fallback that the Deployment (env / envFrom ConfigMaps and Secrets),
// compose service or Dockerfile ENV never sets: the app crashes or misbehaves at startup.
import type { Finding, TextEdit } from '../../model';
import type { DriftContext, Unit } from '../context';
import type { Rule } from '../rule';
import { AMBIENT_ENV } from '../scan';
import { envNames, finalStage, instructions, stageChain } from '../../manifests/dockerfile';
import type { KubeContainer, KubeWorkload } from '../../manifests/kube';

interface Read { name: string; file: string; line: number; secret: boolean }

const SECRET = /PASS|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE|DSN|DATABASE_URL|AUTH/;

/** Required env vars of a unit: this scan's reads plus detection's, minus any read somewhere with a fallback. */
export function requiredEnv(ctx: DriftContext, unit: Unit): Read[] {
  const required = new Map<string, Read>();
  const optional = new Set<string>();
  for (const r of ctx.scan(unit).env) {
    if (r.hasDefault) optional.add(r.name);
    else if (!required.has(r.name)) required.set(r.name, { name: r.name, file: r.file, line: r.line, secret: SECRET.test(r.name) });
  }
  for (const e of unit.app?.env ?? []) {
    if (e.hasDefault) optional.add(e.name);
    else if (!required.has(e.name)) {
      const m = /^(.*):(\d+)$/.exec(e.source);
      required.set(e.name, { name: e.name, file: m ? m[1] : e.source, line: m ? Number(m[2]) : 1, secret: e.secret });
    }
  }
  return [...required.values()].filter((r) => !optional.has(r.name) && !AMBIENT_ENV.has(r.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Names a container receives; undefined when an envFrom source cannot be resolved (then anything may be set). */
function containerEnv(unit: Unit, c: KubeContainer): Set<string> | undefined {
  const names = new Set(c.env.map((e) => e.name));
  for (const from of c.envFrom) {
    const key = from.configMap ? `ConfigMap/${from.configMap}` : from.secret ? `Secret/${from.secret}` : undefined;
    const keys = key ? unit.kube.data[key] : undefined;
    if (!keys) return undefined;
    for (const k of keys) names.add((from.prefix ?? '') + k);
  }
  return names;
}

function dockerfileEnv(unit: Unit): Set<string> {
  const df = unit.dockerfile;
  const stage = df && finalStage(df);
  const names = new Set<string>();
  if (df && stage) for (const s of stageChain(df, stage)) for (const e of instructions(s, 'ENV')) for (const n of envNames(e)) names.add(n);
  return names;
}

/** The container of a workload that runs this unit (matching name, else the first). */
export function mainContainer(unit: Unit, w: KubeWorkload): KubeContainer | undefined {
  const name = (unit.dir.split('/').pop() || unit.app?.name || '').toLowerCase();
  return w.containers.find((c) => name && (c.name.toLowerCase() === name || (c.image ?? '').toLowerCase().includes(name))) ?? w.containers[0];
}

function wireEdit(w: KubeWorkload, c: KubeContainer, read: Read, appName: string): TextEdit | undefined {
  const item = (col: number) => {
    const pad = ' '.repeat(Math.max(0, col - 3));
    const inner = ' '.repeat(Math.max(0, col - 1));
    return read.secret
      ? `${pad}- name: ${read.name}\n${inner}valueFrom:\n${inner}  secretKeyRef:\n${inner}    name: ${appName}-secrets\n${inner}    key: ${read.name}\n`
      : `${pad}- name: ${read.name}\n${inner}value: "" # TODO: set ${read.name}\n`;
  };
  if (c.envBlock) return { file: w.file, line: c.envBlock.line + 1, insert: true, newText: item(c.envBlock.itemKeyColumn) };
  if (c.env.length === 0 && c.imageLine) {
    const col = c.keyColumn;
    return { file: w.file, line: c.imageLine + 1, insert: true, newText: `${' '.repeat(col - 1)}env:\n${item(col + 4)}` };
  }
  return undefined;
}

export const ENV_MISSING: Rule = {
  id: 'ENV_MISSING',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      if (!unit.kube.workloads.length && !unit.compose.length) continue;
      const reads = requiredEnv(ctx, unit);
      if (!reads.length) continue;
      const baked = dockerfileEnv(unit);
      for (const key of Object.keys(ctx.image?.env ?? {})) baked.add(key);
      const appName = unit.app?.name ?? (unit.dir.split('/').pop() || 'app');
      for (const w of unit.kube.workloads) {
        const c = mainContainer(unit, w);
        if (!c) continue;
        const have = containerEnv(unit, c);
        if (!have) continue;
        const missing = reads.filter((r) => !have.has(r.name) && !baked.has(r.name));
        if (!missing.length) continue;
        const edits = missing.map((r) => wireEdit(w, c, r, appName));
        const combined = edits.every((e) => e) ? [{ ...edits[0]!, newText: edits.map((e) => e!.newText).join('') }] : [];
        if (combined.length && !c.envBlock && missing.length > 1) {
          // Without an env block the first edit opens one; the rest only add items under it.
          combined[0].newText = edits[0]!.newText + edits.slice(1).map((e) => e!.newText.split('\n').slice(1).join('\n')).join('');
        }
        const names = missing.map((r) => r.name);
        const secrets = missing.filter((r) => r.secret).map((r) => r.name);
        out.push({
          id: 'ENV_MISSING', severity: 'warning',
          title: missing.length === 1 ? `${names[0]} is read by the code but not set in ${w.kind} ${w.name}` : `${missing.length} env vars read by the code are not set in ${w.kind} ${w.name}: ${names.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`,
          message: `${missing.map((r) => `${r.file}:${r.line} reads ${r.name}`).slice(0, 5).join('; ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''} without a fallback, and neither ${w.file} (env/envFrom of container ${c.name}) nor the image sets ${missing.length === 1 ? 'it' : 'them'}: the app fails at startup or runs misconfigured.`,
          evidence: [...missing.slice(0, 10).map((r) => ({ file: r.file, line: r.line, excerpt: ctx.read(r.file)?.split('\n')[r.line - 1]?.trim() })), { file: w.file, line: c.line, excerpt: `container ${c.name}` }],
          fix: {
            text: `Add ${names.join(', ')} to container ${c.name}'s env (or a ConfigMap it loads)${secrets.length ? `; ${secrets.join(', ')} from a Secret (secretKeyRef), never as a literal value` : ''}.`,
            ...(combined.length ? { edits: combined } : {}),
          },
          app: unit.dir || '.',
        });
      }
      for (const s of unit.compose) {
        if (s.envFiles.length) continue; // an env_file may set anything
        for (const r of reads) {
          if (s.env.includes(r.name) || baked.has(r.name)) continue;
          out.push({
            id: 'ENV_MISSING', severity: 'warning',
            title: `${r.name} is read by the code but not set for compose service ${s.name}`,
            message: `${r.file}:${r.line} reads ${r.name} without a fallback; the ${s.name} service in ${s.file} does not set it.`,
            evidence: [{ file: r.file, line: r.line }, { file: s.file, excerpt: `services.${s.name}` }],
            fix: { text: `Add ${r.name} to services.${s.name}.environment (or an env_file).` },
            app: unit.dir || '.',
          });
        }
      }
    }
    return out;
  },
};
