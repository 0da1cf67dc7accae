// The project's user-defined network: containers find each other by service name on it.
import type Docker from 'dockerode';
import { LABEL_PROJECT, networkName } from './labels';

export async function ensureNetwork(docker: Docker, project: string, labels: Record<string, string>): Promise<string> {
  const name = networkName(project);
  const existing = await docker.listNetworks({ filters: { name: [name], label: [`${LABEL_PROJECT}=${project}`] } });
  const exact = existing.find((n) => n.Name === name);
  if (exact) return exact.Id;
  const created = await docker.createNetwork({ Name: name, Driver: 'bridge', Labels: labels, CheckDuplicate: true });
  return created.id;
}

export async function removeProjectNetworks(docker: Docker, filter: { label: string[] }): Promise<string[]> {
  const nets = await docker.listNetworks({ filters: filter });
  const removed: string[] = [];
  for (const n of nets) {
    try {
      await docker.getNetwork(n.Id).remove();
      removed.push(n.Name);
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
    }
  }
  return removed;
}
