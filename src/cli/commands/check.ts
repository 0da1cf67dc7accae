// `parity check`: the CI / pre-commit gate. Offline and deterministic: schema-validates committed
// Kubernetes manifests, checks Dockerfile ↔ manifest ↔ code consistency and runs static drift against
// the parity.yaml target (no Docker, no cluster, no probe of this machine).
import { DiskRepo } from '../../core/repo';
import { CachingRepo } from '../../core/drift/cached-repo';
import { readProjectConfig } from '../../core/config';
import { evaluateContext, targetFromSpec, sortFindings, DriftContext } from '../../core/drift';
import type { Finding } from '../../core/model';
import { parseArgs, flagString } from '../args';
import type { Command } from '../io';
import { resolveDir } from '../paths';
import { scanArtifacts } from '../../probe/artifacts';
import { detectApps, exitCode, parseFailOn, pickTarget, renderReport } from './drift';
import { parseAllDocuments, LineCounter } from 'yaml';
import { validateObject } from '../../core/generate/validate/schema';

const usage = `parity check [dir] [--target NAME] [--json] [--fail-on error|warning|info]

For CI and pre-commit: validates committed Kubernetes manifests against the Kubernetes schema, checks
that the Dockerfile, the manifests and the code agree (ports, env vars, user), and runs static drift
against the parity.yaml target. Needs no Docker and no cluster. Exit code 1 when a finding is at least
as severe as --fail-on (default: error).`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'CI / pre-commit gate: manifest schemas, consistency, static drift',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['target', 'fail-on'], booleans: ['json'] });
    const failOn = parseFailOn(flagString(args, 'fail-on'));
    const { abs, display } = resolveDir(io.cwd, args.positionals[0]);
    const repo = new CachingRepo(new DiskRepo(abs, display));
    const config = readProjectConfig(repo);
    const target = targetFromSpec(pickTarget(config, flagString(args, 'target')));
    const scan = scanArtifacts(abs, repo);
    const { apps, warnings } = detectApps(repo);
    const input = { repo, apps, target, artifacts: scan.artifacts, wheels: scan.wheels, javaClasses: scan.javaClasses };
    const ctx = new DriftContext(input);
    const manifests = ctx.units.flatMap((u) => u.kube.files);
    const findings = sortFindings([...evaluateContext(ctx), ...schemaFindings(repo, [...new Set(manifests)].sort())]);
    const envs = { host: null, image: null, target };
    io.out(args.flags.json ? JSON.stringify({ findings, environments: envs }, null, 2) + '\n' : renderReport(findings, envs, [...config.warnings, ...warnings]));
    return exitCode(findings, failOn);
  },
};

/** Schema problems of the kinds the bundled Kubernetes schema knows (others are not judged). */
export function schemaFindings(repo: { readText(f: string): string | undefined }, files: string[]): Finding[] {
  const out: Finding[] = [];
  for (const file of files) {
    const text = repo.readText(file);
    if (text === undefined) continue;
    const lc = new LineCounter();
    for (const doc of parseAllDocuments(text, { lineCounter: lc })) {
      const line = doc.range ? lc.linePos(doc.range[0]).line : 1;
      if (doc.errors.length) {
        out.push(schemaFinding(file, line, 'invalid YAML', doc.errors[0].message.split('\n')[0]));
        continue;
      }
      let obj: Record<string, unknown> | null;
      try {
        obj = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
      } catch (err) {
        out.push(schemaFinding(file, line, 'unreadable YAML', (err as Error).message.split('\n')[0]));
        continue;
      }
      if (!obj || typeof obj !== 'object' || !obj.kind) continue;
      const problems = validateObject(obj).filter((p) => !p.startsWith('unknown kind'));
      if (problems.length) out.push(schemaFinding(file, line, `${obj.kind} ${(obj.metadata as { name?: string } | undefined)?.name ?? ''}`.trim(), problems.slice(0, 5).join('; ')));
    }
  }
  return out;
}

function schemaFinding(file: string, line: number, what: string, problems: string): Finding {
  return {
    id: 'MANIFEST_SCHEMA', severity: 'error',
    title: `${what} in ${file} does not validate`,
    message: `${file}:${line}: ${problems}. The API server would reject it.`,
    evidence: [{ file, line }],
    fix: { text: 'Correct the fields named above (kubectl apply --dry-run=server shows the same errors).' },
  };
}
