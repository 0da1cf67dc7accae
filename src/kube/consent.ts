// Contacting a cluster runs code and sends credentials: the kubeconfig user's `exec` plugin runs, and a
// token goes to the server. A committed parity.yaml can name any context, so before contacting one the
// caller learns what will happen (server, credential plugin) and needs the user's explicit go-ahead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../core/errors';

export interface ClusterContact {
  context: string;
  server: string;
  /** The credential plugin command line that will run, when the context's user has one. */
  plugin?: string;
}

/** kubeconfig files to read: $KUBECONFIG (path list) or ~/.kube/config. Each must be a regular file. */
export function kubeconfigFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const files = env.KUBECONFIG ? env.KUBECONFIG.split(path.delimiter).filter(Boolean) : [path.join(os.homedir(), '.kube', 'config')];
  for (const f of files) {
    let st: fs.Stats | undefined;
    try { st = fs.statSync(f); } catch { /* missing files are skipped, as kubectl does */ }
    if (st && !st.isFile()) throw new UserError(`kubeconfig ${f} is not a regular file`);
    if (st && st.size > 4 * 1024 * 1024) throw new UserError(`kubeconfig ${f} is ${st.size} bytes: too large to read`);
  }
  return files.filter((f) => fs.existsSync(f));
}

/** What contacting `context` involves; reading the kubeconfig runs nothing. */
export async function describeContext(context: string | undefined): Promise<ClusterContact> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  const files = kubeconfigFiles();
  try {
    if (files.length === 1) kc.loadFromFile(files[0]);
    else kc.loadFromDefault();
  } catch (err) {
    throw new UserError(`cannot read the kubeconfig: ${(err as Error).message.split('\n')[0]}`, 'Point KUBECONFIG at a valid file, or describe the target in parity.yaml (os, arch).');
  }
  const name = context ?? kc.getCurrentContext();
  const ctx = kc.getContexts().find((c) => c.name === name);
  if (!ctx) throw new UserError(`kubeconfig has no context '${name}'`, `Known contexts: ${kc.getContexts().map((c) => c.name).join(', ') || 'none'}.`);
  const cluster = kc.getCluster(ctx.cluster);
  const user = ctx.user ? kc.getUser(ctx.user) : null;
  const exec = (user?.exec ?? (user?.authProvider as { config?: { exec?: { command?: string; args?: string[] } } } | undefined)?.config?.exec) as { command?: string; args?: string[] } | undefined;
  const plugin = exec?.command ? [exec.command, ...(exec.args ?? [])].join(' ') : undefined;
  return { context: ctx.name, server: cluster?.server ?? '(no server)', ...(plugin ? { plugin } : {}) };
}

/** One line saying what contacting the cluster does, for prompts and messages. */
export function contactSummary(c: ClusterContact): string {
  return `kubeconfig context '${c.context}' (${c.server})${c.plugin ? `, running its credential plugin \`${c.plugin}\`` : ''}`;
}
