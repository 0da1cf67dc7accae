// `parity report`: what each running app does under its production constraints, from the real container.
import * as path from 'node:path';
import { connectEngine } from '../../docker/connect';
import { projectsFor } from '../../docker/down';
import { reportProject } from '../../docker/twin/report';
import { renderReport } from '../../core/twin/report';
import { UsageError, flagString, parseArgs } from '../args';
import type { Command } from '../io';

const usage = `parity report [dir] [--json] [--docker-host H]

For each app \`parity up\` runs for dir (default: .): its constraints, memory peak against the limit, CPU
throttling, each probe run now (result and latency), writes attempted outside the writable mounts (EROFS
in its log; on an unconstrained run, its filesystem changes), exit code and OOM kill — and the findings
(READONLY_WRITE, OOM_LIMIT, PROBE_FAIL, PRIVILEGED_PORT) with a fix. Exit code 1 when any is an error.`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'what the running apps hit under their production constraints',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['docker-host'], booleans: ['json'] });
    if (args.positionals.length > 1) throw new UsageError('takes one folder');
    const dir = path.resolve(io.cwd, args.positionals[0] ?? '.');
    const { docker } = await connectEngine({ explicit: flagString(args, 'docker-host') });
    const reports = (await Promise.all((await projectsFor(docker, dir)).map((p) => reportProject(docker, p)))).flat();
    if (args.flags.json) io.out(JSON.stringify({ reports }, null, 2) + '\n');
    else if (reports.length === 0) io.out('no Parity app containers for this folder (start one with `parity up`)\n');
    else for (const r of reports) io.out(renderReport(r));
    return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};
