// `parity report` / `parity down`: the report of each running app container of a project, from the
// constraints recorded on it at start: one sample of memory and CPU, each probe run once now, the log
// scanned for EROFS/EACCES, filesystem changes when the root was writable, state and OOM kill.
import type Docker from 'dockerode';
import type { TwinReport } from '../../core/twin/report';
import { LABEL_ROLE, projectFilter } from '../labels';
import { buildReport, readLabels, ResourceWatch } from './observe';
import { LABEL_CONSTRAINED } from './labels';
import { ProbeLog, probeOnce } from './probes';

const CANDIDATE_PATHS = ['/healthz', '/health', '/readyz', '/ready', '/livez', '/status', '/ping', '/'];

export async function reportContainer(docker: Docker, id: string): Promise<TwinReport> {
  const info = await docker.getContainer(id).inspect();
  const { constraints, appPath } = readLabels(info.Config.Labels ?? {});
  const applied = info.Config.Labels?.[LABEL_CONSTRAINED] === 'true' ? constraints : undefined;
  const log = new ProbeLog();
  if (applied && info.State.Running) {
    const hostPorts: Record<number, number> = {};
    for (const [key, bindings] of Object.entries(info.NetworkSettings.Ports ?? {})) {
      const hostPort = Number(bindings?.[0]?.HostPort);
      if (hostPort) hostPorts[Number(key.split('/')[0])] = hostPort;
    }
    await probeOnce({ docker, containerId: id, hostPorts }, applied.probes, log, CANDIDATE_PATHS);
  }
  return buildReport(docker, id, { applied, manifest: constraints, appPath, probes: log.list(), watch: new ResourceWatch() });
}

/** Reports of a project's app containers (backing services are not reported). */
export async function reportProject(docker: Docker, project: string): Promise<TwinReport[]> {
  const list = await docker.listContainers({ all: true, filters: projectFilter(project) });
  const apps = list.filter((c) => c.Labels[LABEL_ROLE] === 'app');
  return Promise.all(apps.map((c) => reportContainer(docker, c.Id)));
}
