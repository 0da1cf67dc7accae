// One attempt of a Kubernetes probe against a running container: HTTP GET (2xx/3xx passes, as the kubelet
// says) and TCP through the port published on 127.0.0.1, exec through the Engine API. Docker's port proxy
// accepts connections even when nothing listens inside and then drops them, so a connection the peer
// closes at once counts as "nothing listening", not as a TCP pass.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type Docker from 'dockerode';
import type { ProbeAction } from '../../core/twin/constraints';

export interface Attempt {
  ok: boolean;
  latencyMs: number;
  /** `HTTP 404`, `nothing listening on :3000`, `timed out after 1 s`, `exit 1: …`. */
  error?: string;
  /** The app answered (any HTTP status, an exec that ran): the app is up, the probe itself failed. */
  answered: boolean;
}

export interface ProbeTarget {
  docker: Docker;
  containerId: string;
  /** Container port → port published on 127.0.0.1. */
  hostPorts: Record<number, number>;
}

export async function attempt(t: ProbeTarget, action: ProbeAction, timeoutSeconds: number): Promise<Attempt> {
  const started = Date.now();
  const done = (r: Omit<Attempt, 'latencyMs'>): Attempt => ({ ...r, latencyMs: Date.now() - started });
  if (action.type === 'exec') return done(await execProbe(t, action.command, timeoutSeconds));
  const hostPort = t.hostPorts[action.port];
  if (hostPort === undefined) return done({ ok: false, answered: false, error: `port ${action.port} is not published` });
  if (action.type === 'http') return done(await httpProbe(hostPort, action, timeoutSeconds));
  // gRPC health checks need a gRPC client; a TCP connect is the closest local check (said in the report).
  const { connectMs, ...tcp } = await tcpProbe(hostPort, action.port, timeoutSeconds);
  return connectMs !== undefined ? { ...tcp, latencyMs: connectMs } : done(tcp);
}

export function httpStatus(hostPort: number, path: string, timeoutSeconds: number, scheme: 'HTTP' | 'HTTPS' = 'HTTP', headers: Record<string, string> = {}): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const lib = scheme === 'HTTPS' ? https : http;
    const req = lib.get({ host: '127.0.0.1', port: hostPort, path, headers: { 'User-Agent': 'kube-probe/parity', ...headers }, timeout: timeoutSeconds * 1000, agent: false, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutSeconds} s`)));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: /timed out/.test(err.message) ? err.message : 'nothing listening' }));
  });
}

async function httpProbe(hostPort: number, a: Extract<ProbeAction, { type: 'http' }>, timeoutSeconds: number): Promise<Omit<Attempt, 'latencyMs'>> {
  const r = await httpStatus(hostPort, a.path, timeoutSeconds, a.scheme, a.headers);
  if (r.status !== undefined) return { ok: r.status >= 200 && r.status < 400, answered: true, error: r.status >= 200 && r.status < 400 ? undefined : `HTTP ${r.status}` };
  return { ok: false, answered: /timed out/.test(r.error ?? ''), error: r.error === 'nothing listening' ? `nothing listening on :${a.port}` : r.error };
}

function tcpProbe(hostPort: number, port: number, timeoutSeconds: number): Promise<Omit<Attempt, 'latencyMs'> & { connectMs?: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: hostPort });
    let settled = false;
    const finish = (r: Omit<Attempt, 'latencyMs'> & { connectMs?: number }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, answered: false, error: `timed out after ${timeoutSeconds} s` }), timeoutSeconds * 1000);
    // Passed once the connection survives 300 ms; the latency is the connect time.
    socket.on('connect', () => {
      const connectMs = Date.now() - started;
      setTimeout(() => finish({ ok: true, answered: true, connectMs }), 300);
    });
    socket.on('close', () => finish({ ok: false, answered: false, error: `nothing listening on :${port}` }));
    socket.on('error', () => finish({ ok: false, answered: false, error: `nothing listening on :${port}` }));
  });
}

async function execProbe(t: ProbeTarget, command: string[], timeoutSeconds: number): Promise<Omit<Attempt, 'latencyMs'>> {
  const container = t.docker.getContainer(t.containerId);
  try {
    const exec = await container.exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    let output = '';
    const ended = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => { if (output.length < 2000) output += chunk.toString('utf8'); });
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', resolve);
    });
    const timedOut = await Promise.race([ended.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), timeoutSeconds * 1000))]);
    stream.destroy();
    if (timedOut) return { ok: false, answered: true, error: `timed out after ${timeoutSeconds} s` };
    const code = (await exec.inspect()).ExitCode ?? -1;
    // eslint-disable-next-line no-control-regex
    const text = output.replace(/[\x00-\x08]/g, '').trim().split('\n').pop()?.slice(0, 200);
    return code === 0 ? { ok: true, answered: true } : { ok: false, answered: true, error: `exit ${code}${text ? `: ${text}` : ''}` };
  } catch (err) {
    return { ok: false, answered: false, error: String((err as Error).message).split('\n')[0] };
  }
}
