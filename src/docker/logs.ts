// Container logs through the Engine API. Non-TTY containers multiplex stdout/stderr in 8-byte-framed
// chunks; these helpers undo that framing.
import type Docker from 'dockerode';
import { Writable } from 'node:stream';

/** Splits a complete multiplexed log buffer into text. */
export function demux(buf: Buffer): string {
  let out = '';
  let i = 0;
  while (i + 8 <= buf.length) {
    const kind = buf[i];
    const size = buf.readUInt32BE(i + 4);
    if (kind > 2 || buf[i + 1] !== 0) return buf.toString('utf8'); // not framed (TTY container)
    out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return out;
}

export async function lastLogLines(docker: Docker, id: string, lines = 50): Promise<string[]> {
  try {
    const buf = (await docker.getContainer(id).logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
    return demux(Buffer.isBuffer(buf) ? buf : Buffer.from(String(buf))).split('\n').map((l) => l.trimEnd()).filter((l, i, a) => l || i < a.length - 1).slice(-lines);
  } catch {
    return [];
  }
}

/** Streams a container's logs into `write` until the container stops (follow) or the signal aborts. */
export async function streamLogs(docker: Docker, id: string, opts: { follow: boolean; tail?: number; write: (text: string) => void; signal?: AbortSignal }): Promise<void> {
  const container = docker.getContainer(id);
  if (!opts.follow) {
    const buf = (await container.logs({ stdout: true, stderr: true, follow: false, tail: opts.tail ?? 'all' as unknown as number })) as unknown as Buffer;
    opts.write(demux(buf));
    return;
  }
  const stream = (await container.logs({ stdout: true, stderr: true, follow: true, tail: opts.tail ?? 100 })) as NodeJS.ReadableStream & { destroy(): void };
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { opts.write(chunk.toString('utf8')); cb(); } });
  await new Promise<void>((resolve, reject) => {
    docker.modem.demuxStream(stream, sink, sink);
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
    opts.signal?.addEventListener('abort', () => { stream.destroy(); resolve(); }, { once: true });
  });
}
