// `parity up`: build the app's image (its own Dockerfile, else the generated one) and run it locally with
// its backing services, then print the URL.
import { connectEngine } from '../../docker/connect';
import { ALWAYS_EXCLUDED_NOTE } from '../../docker/context';
import { prepareUp } from '../../docker/prepare';
import { up, UpFailedError } from '../../docker/up';
import { planTwin } from '../../docker/twin/plan';
import { choosePlatform, localBinfmtHandlers } from '../../docker/twin/platform';
import { readProjectConfig } from '../../core/config';
import { DiskRepo } from '../../core/repo';
import { renderFindings, renderReport } from '../../core/twin/report';
import { UsageError, flagString, parseArgs } from '../args';
import type { Command } from '../io';
import { resolveDir } from '../paths';

const usage = `parity up [dir] [--app PATH] [--no-services] [--no-prod-constraints] [--json] [--timeout S] [--docker-host H]

Builds the app in dir (default: .) — with its Dockerfile, or the one \`parity generate\` would write — and
runs it in a local container on the network parity-<project>, after its backing services (Redis,
Postgres…) are healthy. Ports are published on 127.0.0.1; a taken port moves to the next free one.
Running it again replaces the containers. --timeout is the readiness wait in seconds (default 120).

By default the app runs under its production constraints, read from its Deployment (the committed one,
else the one \`parity generate\` would write): user, read-only root with a tmpfs per emptyDir,
capabilities, no-new-privileges, seccomp, memory/CPU limits, env as the pod gets it (ConfigMap values,
Secret keys from .env — a key with no value stops \`up\` before anything starts) and the manifest's
startup/readiness/liveness probes. What it hits (READONLY_WRITE, OOM_LIMIT, PROBE_FAIL,
SECRET_KEY_MISSING, PRIVILEGED_PORT) is printed as findings with a fix; exit code 1.
--no-prod-constraints runs it unconstrained (the report still compares its writes to the manifest).
--json prints { app, container, url, constraints, notes, findings, report } on stdout (progress on stderr).`;

export const upCommand: Command = {
  name: 'up',
  summary: 'build and run an app in local containers with its backing services',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['app', 'timeout', 'docker-host'], booleans: ['no-services', 'no-prod-constraints', 'json'] });
    const json = Boolean(args.flags.json);
    const say = (text: string) => (json ? io.err(text) : io.out(text));
    if (args.positionals.length > 1) throw new UsageError('takes one folder');
    const timeoutText = flagString(args, 'timeout') ?? '120';
    const timeout = Number(timeoutText);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout ${timeoutText}: not a number of seconds`);
    const { abs, display } = resolveDir(io.cwd, args.positionals[0]);
    const prepared = prepareUp({ root: abs, display, appPath: flagString(args, 'app'), withServices: !args.flags['no-services'] });
    const twin = planTwin(prepared, !args.flags['no-prod-constraints']);
    const printJson = (result: Record<string, unknown>) => io.out(JSON.stringify({ app: prepared.profile.name, path: prepared.profile.path, constraints: twin.twin?.apply ? twin.twin.constraints : null, notes: [...prepared.notes, ...twin.notes], ...result }, null, 2) + '\n');
    if (twin.findings.some((f) => f.severity === 'error')) {
      // Kubernetes would not create the container: said before anything is built or started.
      if (json) printJson({ container: null, url: null, findings: twin.findings, report: null });
      else io.out(`${prepared.profile.name}: not started — the pod would not start in production:${renderFindings(twin.findings)}\n`);
      return 1;
    }
    const engine = await connectEngine({ explicit: flagString(args, 'docker-host') });
    // Only a target parity.yaml declares is compared: the assumed amd64 default says nothing about production.
    const declared = readProjectConfig(new DiskRepo(abs, display));
    const target = declared.targets.find((t) => t.name === declared.defaultTarget);
    const platform = target && !args.flags['no-prod-constraints']
      ? choosePlatform(target.arch, (await engine.docker.version()).Arch, localBinfmtHandlers(engine.target.host === undefined))
      : {};
    if (platform.note) twin.notes.push(platform.note);

    say(`${prepared.profile.name} (${prepared.profile.ecosystem}, ${prepared.profile.path}) on ${engine.target.url}\n`);
    for (const note of [...prepared.notes, ...twin.notes]) say(`  ${note}\n`);
    say(`  ${ALWAYS_EXCLUDED_NOTE}\n`);
    let sending = false;
    let result: Awaited<ReturnType<typeof up>>;
    try {
      result = await up({
        engine,
        root: abs,
        project: prepared.project,
        app: prepared.app,
        services: prepared.services,
        env: twin.env,
        twin: twin.twin,
        platform: platform.platform,
        timeoutMs: timeout * 1000,
        signal: io.signal,
        onBuild: (p) => {
          if (p.kind === 'context' && io.isTTY && !json) {
            (io.rewriteLine ?? io.out)(`  sending build context: ${mb(p.bytesSent)} (files: ${mb(p.totalBytes)})`);
            sending = true;
          }
          if (p.kind === 'step') {
            if (sending) io.out('\n');
            sending = false;
            say(`  Step ${p.step}/${p.total} : ${p.instruction}\n`);
          }
        },
        onInfo: (m) => say(`  ${m}\n`),
      });
    } catch (err) {
      if (!json || !(err instanceof UpFailedError)) throw err;
      io.err(`${err.message}\n`);
      printJson({ container: null, url: null, exitCode: err.exitCode ?? null, findings: err.findings, report: err.report ?? null });
      return 1;
    }
    if (result.image.secretsLeftOut.length) say(`  left out of the build context: ${result.image.secretsLeftOut.join(', ')}\n`);
    const findings = result.report?.findings ?? [];
    if (json) {
      printJson({ container: result.container, url: result.url ?? null, findings, report: result.report ?? null });
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    if (result.report) io.out(renderReport(result.report));
    const how = result.readiness.how === 'probes' ? 'its probes pass' : result.readiness.how === 'healthcheck' ? 'healthcheck passed' : result.readiness.how === 'http' ? 'answers HTTP' : result.readiness.how === 'tcp' ? 'accepts TCP' : 'running';
    io.out(`${result.container} is up (${how})${result.url ? `: ${result.url}` : ''}\n`);
    io.out(`stop it with: parity down${args.positionals[0] ? ` ${args.positionals[0]}` : ''}\n`);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
