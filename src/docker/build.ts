// Builds an image from a streamed context through the Engine API (legacy builder protocol, which every
// engine and Podman speak). Progress goes to a callback; a failed step is reported with its instruction
// and the last lines it printed; an AbortSignal cancels the request and the engine removes the step's
// container (forcerm).
import type Docker from 'dockerode';
import { UserError } from '../core/errors';
import { createContext, type ContextOptions } from './context';

export type BuildProgress =
  | { kind: 'context'; bytesSent: number; totalBytes: number }
  | { kind: 'step'; step: number; total: number; instruction: string }
  | { kind: 'output'; line: string };

export interface BuildOptions extends Omit<ContextOptions, 'onBytes'> {
  /** Image repository, e.g. the app name; the tag is `dev-<short content hash>`. */
  repository: string;
  labels?: Record<string, string>;
  onProgress?: (p: BuildProgress) => void;
  signal?: AbortSignal;
  /** Ignore the engine's layer cache (a cold build; used by the benchmarks). */
  noCache?: boolean;
  /** gzip the context: true, false, or `auto` (default; see ContextOptions.gzip). `up` forces it over TCP. */
  gzip?: boolean | 'auto';
  /** `linux/arm64`…: build for the production target's platform (needs emulation on the engine). */
  platform?: string;
}

export interface BuiltImage {
  id: string;
  /** `<repository>:dev-<hash>` */
  ref: string;
  hash: string;
  bytesSent: number;
  fileBytes: number;
  secretsLeftOut: string[];
}

export class BuildFailedError extends UserError {
  constructor(
    readonly step: { step: number; total: number; instruction: string } | undefined,
    readonly reason: string,
    readonly lastLines: string[],
  ) {
    const where = step ? `step ${step.step}/${step.total}: ${step.instruction}` : 'before the first step';
    super(
      `build failed at ${where}\n  ${reason}` +
        (lastLines.length ? `\n  last output:\n${lastLines.map((l) => `    ${l}`).join('\n')}` : ''),
    );
  }
}

export class BuildCancelledError extends UserError {
  constructor() {
    super('build cancelled');
  }
}

const TAIL = 20;

export async function buildImage(docker: Docker, opts: BuildOptions): Promise<BuiltImage> {
  if (opts.signal?.aborted) throw new BuildCancelledError();
  let lastReport = 0;
  const ctx = await createContext({
    dir: opts.dir,
    dockerfileContent: opts.dockerfileContent,
    dockerignoreContent: opts.dockerignoreContent,
    gzip: opts.gzip,
    onBytes: (sent) => {
      // At most every 256 KiB, plus the final count below.
      if (sent - lastReport >= 256 * 1024) {
        lastReport = sent;
        opts.onProgress?.({ kind: 'context', bytesSent: sent, totalBytes: ctx.fileBytes });
      }
    },
  });

  let step: { step: number; total: number; instruction: string } | undefined;
  let tail: string[] = [];
  let imageId: string | undefined;
  let failure: { reason: string } | undefined;

  let response: NodeJS.ReadableStream;
  try {
    response = await docker.buildImage(ctx.stream as unknown as NodeJS.ReadableStream, {
      dockerfile: ctx.dockerfile,
      labels: opts.labels ?? {},
      rm: true,
      forcerm: true,
      version: '1',
      nocache: opts.noCache ?? false,
      ...(opts.platform ? { platform: opts.platform } : {}),
      abortSignal: opts.signal,
    } as Docker.ImageBuildOptions);
  } catch (err) {
    ctx.stream.destroy();
    if (opts.signal?.aborted) throw new BuildCancelledError();
    throw err;
  }

  const { bytesSent, hash } = await new Promise<{ bytesSent: number; hash: string }>((resolve, reject) => {
    let buffered = '';
    const onLine = (line: string) => {
      if (!line.trim()) return;
      let msg: { stream?: string; error?: string; errorDetail?: { message?: string }; aux?: { ID?: string } };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.aux?.ID) imageId = msg.aux.ID;
      if (msg.error) failure = { reason: msg.errorDetail?.message ?? msg.error };
      for (const text of (msg.stream ?? '').split('\n')) {
        // The legacy builder wraps a step's stderr in colour codes (ESC[91m … ESC[0m); they are noise here.
        const out = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '').trimEnd();
        if (!out) continue;
        const m = /^Step (\d+)\/(\d+) : (.*)$/.exec(out);
        if (m) {
          step = { step: Number(m[1]), total: Number(m[2]), instruction: m[3] };
          tail = [];
          opts.onProgress?.({ kind: 'step', ...step });
          continue;
        }
        const built = /^Successfully built ([0-9a-f]+)$/.exec(out);
        if (built && !imageId) imageId = built[1];
        if (/^ ---> /.test(out) || /^Removing intermediate container/.test(out)) continue;
        tail.push(out);
        if (tail.length > TAIL) tail.shift();
        opts.onProgress?.({ kind: 'output', line: out });
      }
    };
    response.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        onLine(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
      }
    });
    response.on('error', (err) => reject(err));
    response.on('end', () => {
      onLine(buffered);
      ctx.finished.then(resolve, () => resolve({ bytesSent: 0, hash: '' }));
    });
    opts.signal?.addEventListener('abort', () => reject(new BuildCancelledError()), { once: true });
  }).catch((err) => {
    ctx.stream.destroy();
    if (opts.signal?.aborted) throw new BuildCancelledError();
    throw err;
  });

  opts.onProgress?.({ kind: 'context', bytesSent, totalBytes: ctx.fileBytes });
  if (failure) throw buildFailure(failure.reason, step, tail);
  if (!imageId) throw new BuildFailedError(step, 'the engine finished without reporting an image id', tail);
  const tag = `dev-${hash.slice(0, 12)}`;
  await docker.getImage(imageId).tag({ repo: opts.repository, tag });
  return { id: imageId, ref: `${opts.repository}:${tag}`, hash, bytesSent, fileBytes: ctx.fileBytes, secretsLeftOut: ctx.secretsLeftOut };
}

function buildFailure(reason: string, step: BuildFailedError['step'], tail: string[]): UserError {
  const from = step && /^FROM\s+(\S+)/i.exec(step.instruction);
  if (from && /pull access denied|repository does not exist|manifest unknown|no such host|dial tcp|registry|not found/i.test(reason)) {
    return new UserError(
      `base image ${from[1]} is not available in the engine and no registry could provide it\n  ${reason.trim()}`,
      `Load it into the engine (docker load / docker pull ${from[1]} on a machine with registry access) and try again.`,
    );
  }
  return new BuildFailedError(step, reason.trim(), tail);
}
