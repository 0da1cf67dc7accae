// What the Containers view shows of a container started under production constraints: the constraints
// (recorded on it as a label at start) and its live memory against the manifest's limit.
import type Docker from 'dockerode';
import { describeConstraints, type RunConstraints } from '../../core/twin/constraints';
import { formatBytes } from '../../core/twin/quantity';
import type { ContainerSummary } from '../views/nodes';
import { LABEL_CONSTRAINED, LABEL_CONSTRAINTS, workingSet, type MemoryStats } from '../../docker/twin/labels';

export const LIVE_REFRESH_MS = 5000;

export async function containerConstraints(docker: Docker, id: string, labels: Record<string, string>, state: string): Promise<Pick<ContainerSummary, 'constraints' | 'memory'>> {
  if (labels[LABEL_CONSTRAINED] !== 'true' || !labels[LABEL_CONSTRAINTS]) return { constraints: labels[LABEL_CONSTRAINED] === 'false' ? ['unconstrained (--no-prod-constraints)'] : [] };
  let c: RunConstraints;
  try {
    c = JSON.parse(labels[LABEL_CONSTRAINTS]) as RunConstraints;
  } catch {
    return { constraints: [] };
  }
  let usedBytes: number | undefined;
  if (state === 'running') {
    try {
      const stats = (await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as { stream: false })) as { memory_stats?: MemoryStats };
      usedBytes = stats.memory_stats ? workingSet(stats.memory_stats) : undefined;
    } catch {
      usedBytes = undefined;
    }
  }
  return { constraints: describeConstraints(c), memory: { usedBytes, limitBytes: c.limits.memoryBytes } };
}

export function memoryText(m: ContainerSummary['memory']): string {
  if (!m || m.usedBytes === undefined) return '';
  return `mem ${formatBytes(m.usedBytes)}${m.limitBytes ? ` / ${formatBytes(m.limitBytes)}` : ''}`;
}
