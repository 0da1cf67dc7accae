// Host ports for published container ports: the wanted one when free on 127.0.0.1, else the next free one.
import * as net from 'node:net';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function nextFreePort(wanted: number, skip: Set<number> = new Set(), host = '127.0.0.1'): Promise<number> {
  for (let p = Math.max(1024, wanted); p < 65535; p++) {
    if (skip.has(p)) continue;
    if (await isPortFree(p, host)) return p;
  }
  throw new Error(`no free port on ${host} from ${wanted} up`);
}
