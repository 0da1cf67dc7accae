// Waits until a started container is ready: its HEALTHCHECK says healthy, or (without one) the published
// port answers HTTP, or at least accepts TCP. Stops early when the container exits or turns unhealthy.
import * as http from 'node:http';
import * as net from 'node:net';
import type Docker from 'dockerode';

export type Readiness =
  | { ok: true; how: 'healthcheck' | 'http' | 'tcp' | 'running' | 'probes' }
  | { ok: false; reason: 'exited'; exitCode: number }
  | { ok: false; reason: 'unhealthy' | 'timeout' | 'cancelled'; detail?: string };

export interface ReadinessOptions {
  /** Published host port to probe when the image has no HEALTHCHECK. */
  hostPort?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Time a container without port or healthcheck must stay up to count as started. */
  settleMs?: number;
}

export async function waitReady(docker: Docker, id: string, opts: ReadinessOptions): Promise<Readiness> {
  const deadline = Date.now() + opts.timeoutMs;
  const started = Date.now();
  let tcpSince: number | undefined;
  while (Date.now() < deadline) {
    if (opts.signal?.aborted) return { ok: false, reason: 'cancelled' };
    const info = await docker.getContainer(id).inspect();
    const state = info.State;
    if (!state.Running && (state.Status === 'exited' || state.Status === 'dead')) return { ok: false, reason: 'exited', exitCode: state.ExitCode };
    const health = state.Health?.Status;
    if (health === 'healthy') return { ok: true, how: 'healthcheck' };
    if (health === 'unhealthy') {
      const last = state.Health?.Log?.at(-1);
      return { ok: false, reason: 'unhealthy', detail: last ? `exit ${last.ExitCode}: ${String(last.Output).trim()}` : undefined };
    }
    if (!health && opts.hostPort) {
      const probe = await probeHttp(opts.hostPort);
      if (probe === 'http') return { ok: true, how: 'http' };
      // A port that accepts connections but never speaks HTTP is a TCP service: ready once it has for 2 s.
      if (probe === 'tcp') {
        tcpSince ??= Date.now();
        if (Date.now() - tcpSince >= 2000) return { ok: true, how: 'tcp' };
      } else {
        tcpSince = undefined;
      }
    }
    if (!health && !opts.hostPort && Date.now() - started >= (opts.settleMs ?? 2000)) return { ok: true, how: 'running' };
    await sleep(500);
  }
  return { ok: false, reason: 'timeout' };
}

/** 'http' when anything answers HTTP, 'tcp' when the port accepts but does not answer HTTP, else 'closed'. */
export function probeHttp(port: number, host = '127.0.0.1', path = '/'): Promise<'http' | 'tcp' | 'closed'> {
  return new Promise((resolve) => {
    let connected = false;
    let timedOut = false;
    const req = http.get({ host, port, path, timeout: 1500, agent: false }, (res) => {
      res.resume();
      resolve('http');
    });
    req.on('socket', (s: net.Socket) => s.on('connect', () => { connected = true; }));
    req.on('timeout', () => { timedOut = true; req.destroy(new Error('timeout')); });
    // Docker's port proxy accepts and then drops connections while nothing listens inside, so only a
    // connection that stays open without an HTTP answer counts as a listening TCP service.
    req.on('error', () => resolve(connected && timedOut ? 'tcp' : 'closed'));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
