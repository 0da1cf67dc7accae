// The build context: a tar of the app folder, streamed (never buffered) to the engine, filtered with
// Docker's own .dockerignore semantics. Secrets never leave the machine: `.env*`, private keys and `.git`
// are left out even when there is no .dockerignore, and the caller is told which files that dropped.
// While streaming, a content hash of everything sent is computed; it names the image (`dev-<hash>`).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import dockerignore from '@balena/dockerignore';
import * as tar from 'tar-stream';

/** Left out of every context whatever the .dockerignore says (a `!` rule cannot bring them back). */
export const ALWAYS_EXCLUDED = ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*', '**/.git', '.git'];
export const ALWAYS_EXCLUDED_NOTE = '.env*, *.pem, *.key, id_rsa*, id_ed25519* and .git are never sent to the engine, even without a .dockerignore';
/** Where an in-memory Dockerfile is placed inside the context. */
export const GENERATED_DOCKERFILE = '.parity/Dockerfile';

export interface ContextOptions {
  /** App folder (absolute). */
  dir: string;
  /** A Dockerfile that is not on disk (generated, previewed); placed at GENERATED_DOCKERFILE. */
  dockerfileContent?: string;
  /** .dockerignore text to use instead of the folder's own file (e.g. the generated, merged one). */
  dockerignoreContent?: string;
  /** Called as bytes leave (cumulative). */
  onBytes?: (sent: number) => void;
  /**
   * gzip the tar (level 1; the engine detects it). `auto` (default) compresses when tar's per-entry
   * headers and padding would add more than 2 % to the file bytes — trees of many small files — and
   * leaves large files (often already compressed) alone.
   */
  gzip?: boolean | 'auto';
}

export interface ContextEntry {
  rel: string;
  type: 'file' | 'directory' | 'symlink';
  size: number;
  mode: number;
  mtime: Date;
  linkname?: string;
}

export interface BuildContext {
  stream: Readable;
  /** Path of the Dockerfile inside the context (the `dockerfile` build parameter). */
  dockerfile: string;
  entries: ContextEntry[];
  /** Total bytes of the files' contents that will be sent. */
  fileBytes: number;
  /** Files dropped by the always-excluded rule (relative paths), to tell the user. */
  secretsLeftOut: string[];
  /** Whether the stream is gzipped. */
  gzip: boolean;
  /** Resolves once the stream has been fully read: bytes sent and the content hash. */
  finished: Promise<{ bytesSent: number; hash: string }>;
}

export async function createContext(opts: ContextOptions): Promise<BuildContext> {
  const ignoreText = opts.dockerignoreContent ?? readIfExists(path.join(opts.dir, '.dockerignore')) ?? '';
  const userRules = ignoreText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const user = dockerignore({ ignorecase: false }).add(userRules);
  const always = dockerignore({ ignorecase: false }).add(ALWAYS_EXCLUDED);
  const hasNegation = userRules.some((r) => r.startsWith('!'));
  const secretsLeftOut: string[] = [];
  const entries: ContextEntry[] = [];

  const walk = async (relDir: string): Promise<void> => {
    const dirents = await fs.promises.readdir(path.join(opts.dir, relDir), { withFileTypes: true });
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of dirents) {
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      if (always.ignores(rel)) {
        secretsLeftOut.push(d.isDirectory() ? `${rel}/` : rel);
        continue;
      }
      const st = await fs.promises.lstat(path.join(opts.dir, rel));
      const ignored = user.ignores(rel);
      if (st.isDirectory()) {
        // Docker still descends into an ignored folder when a `!` rule might re-include something in it.
        if (ignored && !hasNegation) continue;
        if (!ignored) entries.push({ rel, type: 'directory', size: 0, mode: st.mode & 0o7777, mtime: st.mtime });
        await walk(rel);
      } else if (!ignored && st.isFile()) {
        entries.push({ rel, type: 'file', size: st.size, mode: st.mode & 0o7777, mtime: st.mtime });
      } else if (!ignored && st.isSymbolicLink()) {
        entries.push({ rel, type: 'symlink', size: 0, mode: 0o777, mtime: st.mtime, linkname: await fs.promises.readlink(path.join(opts.dir, rel)) });
      }
    }
  };
  await walk('');

  let dockerfile = 'Dockerfile';
  if (opts.dockerfileContent !== undefined) {
    dockerfile = GENERATED_DOCKERFILE;
    entries.push({ rel: GENERATED_DOCKERFILE, type: 'file', size: Buffer.byteLength(opts.dockerfileContent), mode: 0o644, mtime: new Date(0) });
  }
  const fileBytes = entries.reduce((n, e) => n + e.size, 0);

  const hash = crypto.createHash('sha256');
  const pack = tar.pack();
  let bytesSent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytesSent += chunk.length;
      opts.onBytes?.(bytesSent);
      cb(null, chunk);
    },
  });
  const finished = new Promise<{ bytesSent: number; hash: string }>((resolve, reject) => {
    counter.on('end', () => resolve({ bytesSent, hash: hash.digest('hex') }));
    counter.on('error', reject);
    counter.on('close', () => reject(new Error('build context stream closed before it was fully sent')));
  });
  finished.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection

  const feed = async () => {
    for (const e of entries) {
      hash.update(`${e.type}\0${e.rel}\0${e.mode.toString(8)}\0${e.size}\0${e.linkname ?? ''}\0`);
      const header = { name: e.rel, type: e.type, mode: e.mode, mtime: e.mtime, size: e.size, uid: 0, gid: 0, ...(e.linkname ? { linkname: e.linkname } : {}) } as tar.Header;
      if (e.type !== 'file') {
        await new Promise<void>((res, rej) => pack.entry(header, (err) => (err ? rej(err) : res())));
        continue;
      }
      if (e.rel === GENERATED_DOCKERFILE && opts.dockerfileContent !== undefined) {
        hash.update(opts.dockerfileContent);
        await new Promise<void>((res, rej) => pack.entry(header, opts.dockerfileContent!, (err) => (err ? rej(err) : res())));
        continue;
      }
      const sink = pack.entry(header);
      const source = fs.createReadStream(path.join(opts.dir, e.rel), { highWaterMark: 64 * 1024 });
      source.on('data', (chunk) => hash.update(chunk as Buffer));
      await pipeline(source, sink);
    }
    pack.finalize();
  };
  feed().catch((err) => counter.destroy(err instanceof Error ? err : new Error(String(err))));
  const gzip = opts.gzip === 'auto' || opts.gzip === undefined ? entries.length * 1024 > 0.02 * fileBytes : opts.gzip;
  if (gzip) {
    const gz = zlib.createGzip({ level: 1 });
    gz.on('error', (err) => counter.destroy(err));
    pack.pipe(gz).pipe(counter);
  } else {
    pack.pipe(counter);
  }

  return { stream: counter, dockerfile, entries, fileBytes, secretsLeftOut, gzip, finished };
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
