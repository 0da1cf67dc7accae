// `parity up`: build the app's image (its own Dockerfile, else the generated one) and run it locally with
// its backing services, then print the URL.
import { connectEngine } from '../../docker/connect';
import { ALWAYS_EXCLUDED_NOTE } from '../../docker/context';
import { prepareUp } from '../../docker/prepare';
import { up } from '../../docker/up';
import { UsageError, flagString, parseArgs } from '../args';
import type { Command } from '../io';
import { resolveDir } from '../paths';

const usage = `parity up [dir] [--app PATH] [--no-services] [--timeout S] [--docker-host H]

Builds the app in dir (default: .) — with its Dockerfile, or the one \`parity generate\` would write — and
runs it in a local container on the network parity-<project>, after its backing services (Redis,
Postgres…) are healthy. Ports are published on 127.0.0.1; a taken port moves to the next free one.
Running it again replaces the containers. --timeout is the readiness wait in seconds (default 120).`;

export const upCommand: Command = {
  name: 'up',
  summary: 'build and run an app in local containers with its backing services',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['app', 'timeout', 'docker-host'], booleans: ['no-services'] });
    if (args.positionals.length > 1) throw new UsageError('takes one folder');
    const timeoutText = flagString(args, 'timeout') ?? '120';
    const timeout = Number(timeoutText);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout ${timeoutText}: not a number of seconds`);
    const { abs, display } = resolveDir(io.cwd, args.positionals[0]);
    const prepared = prepareUp({ root: abs, display, appPath: flagString(args, 'app'), withServices: !args.flags['no-services'] });
    const engine = await connectEngine({ explicit: flagString(args, 'docker-host') });

    io.out(`${prepared.profile.name} (${prepared.profile.ecosystem}, ${prepared.profile.path}) on ${engine.target.url}\n`);
    for (const note of prepared.notes) io.out(`  ${note}\n`);
    io.out(`  ${ALWAYS_EXCLUDED_NOTE}\n`);
    let sending = false;
    const result = await up({
      engine,
      root: abs,
      project: prepared.project,
      app: prepared.app,
      services: prepared.services,
      env: prepared.env,
      timeoutMs: timeout * 1000,
      signal: io.signal,
      onBuild: (p) => {
        if (p.kind === 'context' && io.isTTY) {
          io.out(`\r  sending build context: ${mb(p.bytesSent)} (files: ${mb(p.totalBytes)})`);
          sending = true;
        }
        if (p.kind === 'step') {
          if (sending) io.out('\n');
          sending = false;
          io.out(`  Step ${p.step}/${p.total} : ${p.instruction}\n`);
        }
      },
      onInfo: (m) => io.out(`  ${m}\n`),
    });
    if (result.image.secretsLeftOut.length) io.out(`  left out of the build context: ${result.image.secretsLeftOut.join(', ')}\n`);
    const how = result.readiness.how === 'healthcheck' ? 'healthcheck passed' : result.readiness.how === 'http' ? 'answers HTTP' : result.readiness.how === 'tcp' ? 'accepts TCP' : 'running';
    io.out(`${result.container} is up (${how})${result.url ? `: ${result.url}` : ''}\n`);
    io.out(`stop it with: parity down${args.positionals[0] ? ` ${args.positionals[0]}` : ''}\n`);
    return 0;
  },
};

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
