// `parity ps`: every container Parity runs, with state, ports, health and age.
import { connectEngine } from '../../docker/connect';
import { LABEL_APP, LABEL_PROJECT, LABEL_ROLE, projectFilter } from '../../docker/labels';
import { flagString, parseArgs } from '../args';
import type { Command } from '../io';
import { renderTable } from '../table';

const usage = `parity ps [--json] [--docker-host H]

Lists the containers started by \`parity up\` (all projects): project, app, state, health, ports, age.`;

export const psCommand: Command = {
  name: 'ps',
  summary: 'list the containers `parity up` started',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['docker-host'], booleans: ['json'] });
    const { docker } = await connectEngine({ explicit: flagString(args, 'docker-host') });
    const list = await docker.listContainers({ all: true, filters: projectFilter() });
    const rows = list
      .map((c) => ({
        project: c.Labels[LABEL_PROJECT] ?? '',
        app: c.Labels[LABEL_APP] ?? '',
        role: c.Labels[LABEL_ROLE] ?? '',
        name: c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12),
        image: c.Image,
        state: c.State,
        health: /\((healthy|unhealthy|health: starting)\)/.exec(c.Status)?.[1]?.replace('health: ', '') ?? '—',
        ports: c.Ports.filter((p) => p.PublicPort).map((p) => `${p.IP}:${p.PublicPort}->${p.PrivatePort}/${p.Type}`),
        createdAt: new Date(c.Created * 1000).toISOString(),
        age: age(Date.now() / 1000 - c.Created),
      }))
      .sort((a, b) => (a.project + a.name < b.project + b.name ? -1 : 1));
    if (args.flags.json) {
      io.out(JSON.stringify({ containers: rows }, null, 2) + '\n');
      return 0;
    }
    if (rows.length === 0) {
      io.out('no Parity containers\n');
      return 0;
    }
    io.out(renderTable(rows.map((r) => [r.project, r.app, r.name, r.state, r.health, r.ports.join(', ') || '—', r.age]), ['PROJECT', 'APP', 'CONTAINER', 'STATE', 'HEALTH', 'PORTS', 'AGE']));
    return 0;
  },
};

function age(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.floor(seconds))}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
