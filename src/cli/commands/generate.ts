// `parity generate`: detect, generate the file set in memory, then preview it as a diff (default), print it
// as JSON, or write it (new files only unless --force).
import * as path from 'node:path';
import { DiskRepo } from '../../core/repo';
import { detect } from '../../core/detect';
import { readProjectConfig, selectTarget } from '../../core/config';
import { familyForOs } from '../../core/platform/distros';
import { DEFAULT_OPTIONS, generate, type GenerateOptions } from '../../core/generate';
import { FAMILIES, type DetectResult, type Family } from '../../core/model';
import { UserError } from '../../core/errors';
import { compareFiles, DiskTarget, summary, toJson, unifiedDiff, writeFiles } from '../../core/write';
import { flagString, parseArgs, UsageError } from '../args';
import type { Command } from '../io';
import { resolveDir } from '../paths';

const usage = `parity generate [dir] [--app PATH] [--target NAME] [--family debian|rhel|alpine] [--out DIR]
                [--diff|--write|--force|--json] [--ingress] [--hpa] [--pdb] [--cache-mounts]
                [--k8s-dir DIR] [--tag TAG]

Generates a Dockerfile, .dockerignore and Kubernetes manifests (in <app>/deploy/k8s) for every app under
dir (default: .), and one compose.yaml at dir. Nothing is written unless you ask:
  --diff          show a unified diff against what is on disk (default)
  --write         write new files; existing files are left alone (exit 1 if any was skipped)
  --force         write everything, replacing existing and edited files
  --json          print { files: [{ path, status: new|changed|unchanged, content }], warnings }
  --app PATH      only the app in this folder (relative to dir)
  --target NAME   base-image family from the parity.yaml target's OS (RHEL → UBI, Alpine → apk)
  --family F      base-image family directly (overrides --target)
  --out DIR       write/compare under DIR instead of dir
  --ingress, --hpa, --pdb   also generate an Ingress, HorizontalPodAutoscaler, PodDisruptionBudget
  --cache-mounts  BuildKit cache mounts in RUN steps (the legacy builder cannot build those)
  --k8s-dir DIR   manifest folder inside each app (default deploy/k8s)
  --tag TAG       image tag in manifests and compose (default dev; never latest)`;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'preview or write Dockerfile, .dockerignore, Kubernetes manifests and compose',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['app', 'target', 'family', 'out', 'k8s-dir', 'tag'],
      booleans: ['diff', 'write', 'force', 'json', 'ingress', 'hpa', 'pdb', 'cache-mounts'],
    });
    if (args.positionals.length > 1) throw new UsageError(`expected one folder, got ${args.positionals.length}`);
    if (args.flags.diff && (args.flags.write || args.flags.force)) throw new UsageError('--diff previews only; drop it to --write');
    const { abs, display } = resolveDir(io.cwd, args.positionals[0]);
    const repo = new DiskRepo(abs, display);
    const { family, familySource } = chooseFamily(repo, flagString(args, 'family'), flagString(args, 'target'));

    let detected = detect(repo);
    const appArg = flagString(args, 'app');
    if (appArg !== undefined) detected = onlyApp(detected, appArg);
    if (detected.apps.length === 0) {
      io.err(`parity generate: no deployable app found under ${display}\n`);
      return 1;
    }

    const options: GenerateOptions = {
      ...DEFAULT_OPTIONS,
      family,
      k8sDir: flagString(args, 'k8s-dir') ?? DEFAULT_OPTIONS.k8sDir,
      imageTag: flagString(args, 'tag'),
      ingress: Boolean(args.flags.ingress),
      hpa: Boolean(args.flags.hpa),
      pdb: Boolean(args.flags.pdb),
      cacheMounts: Boolean(args.flags['cache-mounts']),
      repo,
    };
    const result = generate(detected, options);
    const outArg = flagString(args, 'out');
    const target = new DiskTarget(outArg ? path.resolve(io.cwd, outArg) : abs);
    const compared = compareFiles(result.files, target);
    const warnings = [...detected.warnings, ...result.warnings, ...compared.warnings];
    const writing = Boolean(args.flags.write || args.flags.force);
    const report = writing ? writeFiles(compared.files, target, { force: Boolean(args.flags.force) }) : undefined;

    if (args.flags.json) {
      io.out(JSON.stringify(toJson(compared.files, warnings, report), null, 2) + '\n');
      return report && report.skipped.length ? 1 : 0;
    }
    if (!report) {
      io.out(unifiedDiff(compared.files));
      io.err(`Base family: ${family} (${familySource})\n${summary(compared.files)}`);
      for (const w of warnings) io.err(`warning: ${w.file}: ${w.message}\n`);
      const pending = compared.files.filter((f) => f.status !== 'unchanged').length;
      io.err(pending ? `Nothing written. Run with --write to create new files (--force to replace existing ones).\n` : 'Everything is up to date.\n');
      return 0;
    }
    for (const p of report.created) io.out(`created   ${p}\n`);
    for (const p of report.replaced) io.out(`replaced  ${p}\n`);
    for (const s of report.skipped) io.out(`skipped   ${s.path}: ${s.reason}\n`);
    if (report.unchanged.length) io.out(`unchanged ${report.unchanged.length} file(s)\n`);
    for (const w of warnings) io.err(`warning: ${w.file}: ${w.message}\n`);
    return report.skipped.length ? 1 : 0;
  },
};

function chooseFamily(repo: DiskRepo, familyArg: string | undefined, targetArg: string | undefined): { family: Family; familySource: string } {
  if (familyArg !== undefined) {
    if (!FAMILIES.includes(familyArg as Family)) throw new UsageError(`--family must be one of ${FAMILIES.join(', ')}`);
    return { family: familyArg as Family, familySource: '--family' };
  }
  const config = readProjectConfig(repo);
  const target = selectTarget(config, targetArg);
  if (!target) {
    const names = config.targets.map((t) => t.name);
    throw new UserError(`no target named '${targetArg}' in parity.yaml`, names.length ? `targets: ${names.join(', ')}` : 'parity.yaml declares no targets');
  }
  return { family: familyForOs(target.os), familySource: `${target.os} from ${target.source}` };
}

function onlyApp(detected: DetectResult, appArg: string): DetectResult {
  const want = path.posix.normalize(appArg.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
  const apps = detected.apps.filter((a) => a.path === want);
  if (apps.length === 0) {
    const known = detected.apps.map((a) => a.path).join(', ') || 'none';
    throw new UserError(`no app at '${appArg}'`, `apps found: ${known}`);
  }
  return { ...detected, apps };
}
