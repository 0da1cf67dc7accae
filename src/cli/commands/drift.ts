// `parity drift`: compare this machine, the built image and the production target; print findings with
// evidence and fixes; exit 1 when a finding reaches --fail-on. The report renderer is shared with `check`.
import { DiskRepo, type RepoReader } from '../../core/repo';
import { CachingRepo } from '../../core/drift/cached-repo';
import { detect } from '../../core/detect';
import { readProjectConfig, selectTarget, type ProjectConfig } from '../../core/config';
import { evaluate, atLeast, targetFromSpec, type HostInfo, type ImageInfo, type TargetInfo } from '../../core/drift';
import type { AppProfile, Finding, Severity, Warning } from '../../core/model';
import { parseArgs, flagString, UsageError } from '../args';
import { RefusedError } from '../../core/errors';
import type { Command, CliIO } from '../io';
import { resolveDir } from '../paths';
import { scanArtifacts } from '../../probe/artifacts';
import { probeHost } from '../../probe/host';

const usage = `parity drift [dir] [--image TAG] [--target NAME] [--no-cluster] [--json] [--fail-on error|warning|info]

Compares this machine, a built image (--image TAG, read through the Docker Engine API without running
it) and the production target (parity.yaml targets, or the nodes of the kubeconfig context a target
names) and reports what will break after deploying — with the evidence and a fix for each finding.
A target that names a kubeconfig context is contacted only when you name that target with --target on
the command line (Parity says which server and credential plugin that involves); --no-cluster never
contacts one and uses the target's os/arch from parity.yaml instead.
--json prints { findings, environments: { host, image, target } }.
Exit code 1 when a finding is at least as severe as --fail-on (default: error).`;

export const driftCommand: Command = {
  name: 'drift',
  summary: 'what will break between this machine, the image and production',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['image', 'target', 'fail-on'], booleans: ['json', 'no-cluster'] });
    const failOn = parseFailOn(flagString(args, 'fail-on'));
    const { abs, display } = resolveDir(io.cwd, args.positionals[0]);
    const repo = new CachingRepo(new DiskRepo(abs, display));
    const config = readProjectConfig(repo);
    const spec = pickTarget(config, flagString(args, 'target'));
    const clusterWarnings: Warning[] = [];
    const contact = spec.context !== undefined ? await clusterConsent(spec.name, spec.context, flagString(args, 'target'), Boolean(args.flags['no-cluster']), io) : false;
    if (spec.context !== undefined && !contact) clusterWarnings.push({ file: 'parity.yaml', message: `target '${spec.name}': kubeconfig context '${spec.context}' not contacted (--no-cluster); using its os/arch from parity.yaml` });
    // Probes start first and run while the project is scanned (their child processes and sockets do not
    // need this thread).
    const probes = Promise.all([
      contact ? clusterTarget(spec.name, spec.context!) : Promise.resolve(targetFromSpec(spec)),
      probeHost(),
      flagString(args, 'image') ? probeImageRef(flagString(args, 'image')!, io) : Promise.resolve(undefined),
    ]);
    probes.catch(() => undefined);
    const scan = scanArtifacts(abs, repo);
    const { apps, warnings } = detectApps(repo);
    const [target, host, image] = await probes;
    const findings = evaluate({ repo, apps, target, host, image, artifacts: scan.artifacts, wheels: scan.wheels, javaClasses: scan.javaClasses });
    const envs = { host, image: image ?? null, target };
    io.out(args.flags.json ? JSON.stringify({ findings, environments: envs }, null, 2) + '\n' : renderReport(findings, envs, [...config.warnings, ...clusterWarnings, ...warnings]));
    return exitCode(findings, failOn);
  },
};

export function parseFailOn(v: string | undefined): Severity {
  if (v === undefined) return 'error';
  if (v === 'error' || v === 'warning' || v === 'info') return v;
  throw new UsageError(`--fail-on must be error, warning or info (got '${v}')`);
}

export function exitCode(findings: Finding[], failOn: Severity): number {
  return findings.some((f) => atLeast(f.severity, failOn)) ? 1 : 0;
}

export function pickTarget(config: ProjectConfig, name: string | undefined) {
  const spec = selectTarget(config, name);
  if (!spec) {
    const known = config.targets.map((t) => t.name);
    throw new UsageError(`no target named '${name}' in parity.yaml${known.length ? ` (targets: ${known.join(', ')})` : ' (it has no targets)'}`);
  }
  return spec;
}

/** Detection is best effort for drift: rules work from files alone when it has nothing to say. */
export function detectApps(repo: RepoReader): { apps: AppProfile[]; warnings: Warning[] } {
  try {
    const r = detect(repo);
    return { apps: r.apps, warnings: r.warnings };
  } catch (err) {
    return { apps: [], warnings: [{ file: '.', message: `detection failed, drift used the files alone: ${(err as Error).message.split('\n')[0]}` }] };
  }
}

/**
 * Whether drift may contact the cluster a target names. Only when the user named the target on the
 * command line: a committed parity.yaml alone never makes Parity authenticate anywhere.
 */
async function clusterConsent(name: string, context: string, targetArg: string | undefined, noCluster: boolean, io: CliIO): Promise<boolean> {
  if (noCluster) return false;
  const { describeContext, contactSummary } = await import('../../kube/consent');
  const contact = await describeContext(context || undefined);
  if (targetArg !== name) {
    throw new RefusedError(
      `parity.yaml target '${name}' reads production nodes from ${contactSummary(contact)}; Parity does not contact a cluster on the word of a file in the repository`,
      `Run \`parity drift --target ${name}\` to contact it, or --no-cluster to check against the target's os/arch only.`,
    );
  }
  io.err(`contacting ${contactSummary(contact)}\n`);
  return true;
}

async function clusterTarget(name: string, context: string): Promise<TargetInfo> {
  const { targetFromCluster } = await import('../../kube/target');
  return targetFromCluster({ name, context });
}

async function probeImageRef(ref: string, io: CliIO): Promise<ImageInfo> {
  const [{ connectEngine }, { probeImage }] = await Promise.all([import('../../docker/connect'), import('../../docker/probe')]);
  const engine = await connectEngine();
  return probeImage(engine.docker, ref, { signal: io.signal });
}

// ---- human report ----

export interface Environments { host: HostInfo | null; image: ImageInfo | null; target: TargetInfo }

export function renderReport(findings: Finding[], envs: Environments, warnings: Warning[]): string {
  const lines: string[] = [];
  const { host, image, target } = envs;
  if (host) {
    const rt = Object.entries(host.runtimes).map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(`host    ${host.os.prettyName ?? host.os.id} · ${host.arch} · ${host.libc.family}${host.libc.version ? ' ' + host.libc.version : ''}${rt ? ' · ' + rt : ''}`);
  }
  if (image) lines.push(`image   ${image.ref} · ${image.os}/${image.arch} · ${image.osRelease?.PRETTY_NAME ?? image.distro ?? 'no os-release'} · ${image.libc.family}${image.libc.version ? ' ' + image.libc.version : ''} · user ${image.user || 'root'}`);
  else if (host) lines.push('image   (none: pass --image TAG to inspect a built image)');
  lines.push(`target  ${target.name} · ${target.distro?.name ?? target.os} · ${(target.arches ?? [target.arch]).join('+')} · ${target.runtime}  [${target.source}]`);
  lines.push('');
  for (const f of findings) {
    lines.push(`${f.severity.padEnd(7)}  ${f.id}  ${f.title}`);
    lines.push(...wrap(f.message).map((l) => `         ${l}`));
    f.evidence.forEach((e, i) => {
      const where = 'file' in e ? `${e.file}${e.line ? ':' + e.line : ''}` : `${e.image} ${e.path}`;
      lines.push(`         ${i === 0 ? 'evidence:' : '         '} ${where}${e.excerpt ? ' — ' + e.excerpt : ''}`);
    });
    lines.push(`         fix: ${f.fix.text}${f.fix.edits?.length ? ` (quick fix: ${f.fix.edits.map((e) => `${e.file}:${e.line}`).join(', ')})` : ''}`);
    lines.push('');
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(findings.length ? `${findings.length} finding${findings.length > 1 ? 's' : ''}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` : 'No drift found.');
  for (const w of warnings) lines.push(`warning: ${w.file}: ${w.message}`);
  return lines.join('\n') + '\n';
}

function wrap(text: string, width = 100): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

