// `parity logs [app] [-f]`: the output of a container `parity up` started.
import * as path from 'node:path';
import { UserError } from '../../core/errors';
import { connectEngine } from '../../docker/connect';
import { projectsFor } from '../../docker/down';
import { LABEL_APP, LABEL_PROJECT, LABEL_ROLE, projectFilter } from '../../docker/labels';
import { streamLogs } from '../../docker/logs';
import { UsageError, flagString, parseArgs } from '../args';
import type { Command } from '../io';

const usage = `parity logs [app] [-f|--follow] [--tail N] [--docker-host H]

Prints the logs of an app (or backing service) started by \`parity up\` for this folder's project. Without
an app name, the project's one app. -f keeps following until Ctrl-C or the container stops.`;

export const logsCommand: Command = {
  name: 'logs',
  summary: 'show the logs of a container `parity up` started',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv.map((a) => (a === '-f' ? '--follow' : a)), { values: ['tail', 'docker-host'], booleans: ['follow'] });
    if (args.positionals.length > 1) throw new UsageError('takes one app name');
    const tailText = flagString(args, 'tail');
    const tail = tailText === undefined ? undefined : Number(tailText);
    if (tail !== undefined && !(Number.isInteger(tail) && tail >= 0)) throw new UsageError(`--tail ${tailText}: not a line count`);
    const { docker } = await connectEngine({ explicit: flagString(args, 'docker-host') });
    const projects = await projectsFor(docker, path.resolve(io.cwd));
    const all = await docker.listContainers({ all: true, filters: projectFilter() });
    // Containers of this folder's projects first; any Parity project when the folder has none.
    const scoped = all.filter((c) => projects.includes(c.Labels[LABEL_PROJECT]));
    const pool = scoped.length ? scoped : all;
    const want = args.positionals[0];
    const matches = want ? pool.filter((c) => c.Labels[LABEL_APP] === want || c.Names.some((n) => n.replace(/^\//, '') === want)) : pool.filter((c) => c.Labels[LABEL_ROLE] === 'app');
    if (matches.length === 0) {
      const names = pool.map((c) => c.Labels[LABEL_APP]).filter(Boolean);
      throw new UserError(want ? `no Parity container for '${want}'` : 'no app container from `parity up` is running', names.length ? `Known: ${[...new Set(names)].join(', ')}` : 'Start one with `parity up`.');
    }
    if (matches.length > 1) throw new UserError(`'${want ?? 'app'}' matches ${matches.length} containers`, `Name one: ${matches.map((c) => c.Names[0].replace(/^\//, '')).join(', ')}`);
    await streamLogs(docker, matches[0].Id, { follow: Boolean(args.flags.follow), tail, write: (t) => io.out(t), signal: io.signal });
    return 0;
  },
};
