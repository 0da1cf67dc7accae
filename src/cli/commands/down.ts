// `parity down`: remove what `parity up` started for the projects of a folder — only Parity-labelled
// containers and networks, and volumes only with --volumes.
import * as path from 'node:path';
import { connectEngine } from '../../docker/connect';
import { projectsFor, removeProject } from '../../docker/down';
import { reportProject } from '../../docker/twin/report';
import { renderReport } from '../../core/twin/report';
import { UsageError, flagString, parseArgs } from '../args';
import type { Command } from '../io';

const usage = `parity down [dir] [--volumes] [--all] [--no-report] [--docker-host H]

Removes the containers and network \`parity up\` created for the project(s) started from dir (default: .),
from a folder inside it, or from a folder containing it, after printing each app's \`parity report\`
(--no-report skips it). --volumes also removes their named volumes
(service data); --all removes every Parity project.`;

export const downCommand: Command = {
  name: 'down',
  summary: 'remove the containers and network of `parity up`',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['docker-host'], booleans: ['volumes', 'all', 'no-report'] });
    if (args.positionals.length > 1) throw new UsageError('takes one folder');
    const dir = path.resolve(io.cwd, args.positionals[0] ?? '.');
    const { docker } = await connectEngine({ explicit: flagString(args, 'docker-host') });
    const projects = await projectsFor(docker, args.flags.all ? undefined : dir);
    if (projects.length === 0) {
      io.out('nothing to remove: no Parity containers or networks for this folder\n');
      return 0;
    }
    for (const project of projects) {
      if (!args.flags['no-report']) for (const r of await reportProject(docker, project).catch(() => [])) io.out(renderReport(r));
      const removed = await removeProject(docker, project, { volumes: Boolean(args.flags.volumes) });
      const parts = [
        removed.containers.length ? `containers ${removed.containers.join(', ')}` : '',
        removed.networks.length ? `network ${removed.networks.join(', ')}` : '',
        removed.volumes.length ? `volumes ${removed.volumes.join(', ')}` : '',
      ].filter(Boolean);
      io.out(`${project}: removed ${parts.join('; ') || 'nothing'}\n`);
    }
    return 0;
  },
};
