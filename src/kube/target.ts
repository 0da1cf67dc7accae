// Production target read from a cluster: the current (or named) kubeconfig context's nodes — osImage,
// architecture, kernel and container runtime — as a drift TargetInfo. @kubernetes/client-node is loaded
// only when a cluster is actually asked for.
import { UserError } from '../core/errors';
import { normalizeArch } from '../core/config';
import { distroFromOsImage } from '../core/platform/distros';
import type { TargetInfo, TargetNode } from '../core/drift/types';

export interface ClusterTargetOptions {
  /** Target name for messages (`prod`). */
  name: string;
  /** kubeconfig context; the current one when omitted. */
  context?: string;
  /** kubeconfig file; KUBECONFIG / ~/.kube/config when omitted. */
  kubeconfig?: string;
  timeoutMs?: number;
}

export async function targetFromCluster(opts: ClusterTargetOptions): Promise<TargetInfo> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
  } catch (err) {
    throw new UserError(`cannot read the kubeconfig: ${(err as Error).message}`, 'Point KUBECONFIG at a valid file, or describe the target in parity.yaml (os, arch).');
  }
  if (opts.context) {
    if (!kc.getContexts().some((c) => c.name === opts.context)) throw new UserError(`kubeconfig has no context '${opts.context}'`, `Known contexts: ${kc.getContexts().map((c) => c.name).join(', ') || 'none'}.`);
    kc.setCurrentContext(opts.context);
  }
  const context = kc.getCurrentContext();
  if (!context || !kc.getCurrentCluster()) throw new UserError('kubeconfig has no current context', 'Select one with `kubectl config use-context NAME`, or name it with `context:` in parity.yaml.');
  const api = kc.makeApiClient(k8s.CoreV1Api);
  const timeout = opts.timeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  let items: Awaited<ReturnType<typeof api.listNode>>['items'];
  try {
    const list = await Promise.race([
      api.listNode(),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeout / 1000} s`)), timeout); }),
    ]);
    items = list.items;
  } catch (err) {
    const code = (err as { code?: number }).code;
    const why = code === 401 || code === 403 ? `not allowed to list nodes (HTTP ${code})` : (err as Error).message.split('\n')[0];
    throw new UserError(`cannot read nodes of kubeconfig context '${context}' (${kc.getCurrentCluster()!.server}): ${why}`, 'Check the cluster is reachable and you may list nodes, or describe the target in parity.yaml (os, arch).');
  } finally {
    clearTimeout(timer);
  }
  const nodes: TargetNode[] = items.map((n) => ({
    name: n.metadata?.name ?? '',
    osImage: n.status?.nodeInfo?.osImage ?? '',
    architecture: normalizeArch(n.status?.nodeInfo?.architecture ?? ''),
    kernelVersion: n.status?.nodeInfo?.kernelVersion ?? '',
    containerRuntimeVersion: n.status?.nodeInfo?.containerRuntimeVersion ?? '',
  })).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!nodes.length) throw new UserError(`kubeconfig context '${context}' has no nodes`, 'Describe the target in parity.yaml (os, arch) instead.');
  const arches = [...new Set(nodes.map((n) => n.architecture).filter(Boolean))].sort();
  const distros = [...new Set(nodes.map((n) => distroFromOsImage(n.osImage)?.id ?? n.osImage))];
  const distro = distros.length === 1 ? distroFromOsImage(nodes[0].osImage) : undefined;
  return {
    name: opts.name,
    source: `kubeconfig context ${context}`,
    runtime: 'kubernetes',
    os: distro?.id ?? distros.join(', '),
    ...(distro ? { distro } : {}),
    arch: arches[0] ?? 'amd64',
    arches,
    nodes,
  };
}
