// Removes a project's Parity-labelled containers and network (and volumes only when asked). Objects
// without Parity's labels are never touched.
import type Docker from 'dockerode';
import { LABEL_PROJECT, LABEL_ROOT, projectFilter } from './labels';
import { removeProjectNetworks } from './network';

export interface Removed { containers: string[]; networks: string[]; volumes: string[] }

export async function removeProject(docker: Docker, project: string, opts: { volumes: boolean }): Promise<Removed> {
  const filter = projectFilter(project);
  const containers = await docker.listContainers({ all: true, filters: filter });
  const removed: Removed = { containers: [], networks: [], volumes: [] };
  // Stopped first (SIGTERM, then SIGKILL after 5 s) so services such as Redis save their data to the volume.
  await Promise.all(containers.filter((c) => c.State === 'running').map((c) => docker.getContainer(c.Id).stop({ t: 5 }).catch(() => undefined)));
  for (const c of containers) {
    try {
      await docker.getContainer(c.Id).remove({ force: true, v: true });
      removed.containers.push(c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12));
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
    }
  }
  removed.networks = await removeProjectNetworks(docker, filter);
  if (opts.volumes) {
    const vols = (await docker.listVolumes({ filters: filter })).Volumes ?? [];
    for (const v of vols) {
      await docker.getVolume(v.Name).remove();
      removed.volumes.push(v.Name);
    }
  }
  return removed;
}

/** Projects whose recorded root is `dir`, inside it, or contains it; `all` picks every Parity project. */
export async function projectsFor(docker: Docker, dir: string | undefined): Promise<string[]> {
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters: projectFilter() }),
    docker.listNetworks({ filters: projectFilter() }),
    docker.listVolumes({ filters: projectFilter() }),
  ]);
  const labelled = [...containers.map((c) => c.Labels), ...networks.map((n) => n.Labels ?? {}), ...(volumes.Volumes ?? []).map((v) => v.Labels ?? {})];
  const names = new Set<string>();
  for (const labels of labelled) {
    const project = labels[LABEL_PROJECT];
    const root = labels[LABEL_ROOT];
    if (!project) continue;
    if (dir === undefined || (root && (root === dir || root.startsWith(dir + '/') || dir.startsWith(root + '/')))) names.add(project);
  }
  return [...names].sort();
}
