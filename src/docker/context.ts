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
import { configHasToken, secretByName, SECRETS_NOTE } from '../core/secrets/files';
import { readRegularText } from '../core/safe-read';

/** Said to the user before a build: true by construction (see core/secrets/files). */
export const ALWAYS_EXCLUDED_NOTE = SECRETS_NOTE;
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
  /** .dockerignore lines that could not be used (with why), to tell the user. */
  ignoreWarnings: string[];
  /** Whether the stream is gzipped. */
  gzip: boolean;
  /** Resolves once the stream has been fully read: bytes sent and the content hash. */
  finished: Promise<{ bytesSent: number; hash: string }>;
}

export async function createContext(opts: ContextOptions): Promise<BuildContext> {
  const ignoreText = opts.dockerignoreContent ?? readRegularText(path.join(opts.dir, '.dockerignore'), 1024 * 1024) ?? '';
  const userRules = ignoreText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const { matcher: user, warnings: ignoreWarnings } = ignoreMatcher(userRules);
  const hasNegation = userRules.some((r) => r.startsWith('!'));
  const secretsLeftOut: string[] = [];
  const entries: ContextEntry[] = [];

  // Iterative (an explicit stack), so a tree 1,000 folders deep costs no recursion; each entry is matched
  // once against the secret rules (by its own name: its parents were checked when they were entered).
  // Synchronous calls: thousands of awaited thread-pool round trips cost seconds on a loaded machine.
  const stack: string[] = [''];
  while (stack.length) {
    const relDir = stack.pop()!;
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(path.join(opts.dir, relDir), { withFileTypes: true });
    } catch (err) {
      if (relDir === '') throw err;
      continue; // a folder that vanished or cannot be read is left out, as `docker build` would fail on it
    }
    dirents.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const d of dirents) {
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      const verdict = secretByName(d.name, d.isDirectory());
      if (verdict.secret || (verdict.needsContent && d.isFile() && configHasToken(readRegularText(path.join(opts.dir, rel), 256 * 1024) ?? ''))) {
        secretsLeftOut.push(d.isDirectory() ? `${rel}/` : rel);
        continue;
      }
      let st: fs.Stats;
      try {
        st = fs.lstatSync(path.join(opts.dir, rel));
      } catch {
        continue;
      }
      const ignored = user.ignores(rel);
      if (st.isDirectory()) {
        // Docker still descends into an ignored folder when a `!` rule might re-include something in it.
        if (ignored && !hasNegation) continue;
        if (!ignored) entries.push({ rel, type: 'directory', size: 0, mode: st.mode & 0o7777, mtime: st.mtime });
        subdirs.push(rel);
      } else if (!ignored && st.isFile()) {
        entries.push({ rel, type: 'file', size: st.size, mode: st.mode & 0o7777, mtime: st.mtime });
      } else if (!ignored && st.isSymbolicLink()) {
        entries.push({ rel, type: 'symlink', size: 0, mode: 0o777, mtime: st.mtime, linkname: fs.readlinkSync(path.join(opts.dir, rel)) });
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }

  let dockerfile = 'Dockerfile';
  // Like the Docker CLI, the Dockerfile and the .dockerignore are always sent, even when the .dockerignore
  // lists them (a generated one ignores `Dockerfile*`): the engine needs the Dockerfile to build at all.
  if (opts.dockerfileContent === undefined) await keepAlways(opts.dir, ['Dockerfile', '.dockerignore'], entries);
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
      await pipeline(exactly(path.join(opts.dir, e.rel), e.size, (chunk) => hash.update(chunk)), sink);
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

  return { stream: counter, dockerfile, entries, fileBytes, secretsLeftOut, ignoreWarnings, gzip, finished };
}

/**
 * Exactly `size` bytes of a file as it was listed: a file that grew is cut at its listed size and one that
 * shrank is padded with zeros, so the tar header stays true. Opened without following links and without
 * blocking, and refused unless it is still a regular file.
 */
async function* exactly(file: string, size: number, onChunk: (b: Buffer) => void): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  try {
    if (!(await fh.stat()).isFile()) throw new Error(`${file} changed into something other than a file while the build context was sent`);
    const buf = Buffer.allocUnsafe(64 * 1024);
    let sent = 0;
    while (sent < size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - sent), sent);
      if (bytesRead === 0) break;
      const chunk = Buffer.from(buf.subarray(0, bytesRead));
      onChunk(chunk);
      sent += bytesRead;
      yield chunk;
    }
    while (sent < size) {
      const pad = Buffer.alloc(Math.min(64 * 1024, size - sent));
      onChunk(pad);
      sent += pad.length;
      yield pad;
    }
  } finally {
    await fh.close();
  }
}

/** Characters Docker's patterns treat literally that the matcher would read as regex syntax. */
const REGEX_LITERALS = /[(){}+|^$]/g;

/** The user's .dockerignore as a matcher; a rule that is not a valid pattern is skipped with a warning. */
function ignoreMatcher(rules: string[]): { matcher: { ignores(rel: string): boolean }; warnings: string[] } {
  const warnings: string[] = [];
  const usable: string[] = [];
  for (const rule of rules.slice(0, 10_000)) {
    const escaped = rule.replace(REGEX_LITERALS, (c) => `\\${c}`);
    try {
      dockerignore({ ignorecase: false }).add([escaped]).ignores('x');
      usable.push(escaped);
    } catch {
      warnings.push(`.dockerignore: '${rule}' is not a valid pattern (unbalanced [ ]); ignored`);
    }
  }
  if (rules.length > 10_000) warnings.push(`.dockerignore: only the first 10000 of ${rules.length} rules are used`);
  return { matcher: dockerignore({ ignorecase: false }).add(usable), warnings };
}

/** Adds files (at the context root) that a .dockerignore rule left out, when they exist. */
async function keepAlways(dir: string, names: string[], entries: ContextEntry[]): Promise<void> {
  for (const rel of names) {
    if (entries.some((e) => e.rel === rel)) continue;
    const st = await fs.promises.lstat(path.join(dir, rel)).catch(() => undefined);
    if (st?.isFile()) entries.push({ rel, type: 'file', size: st.size, mode: st.mode & 0o7777, mtime: st.mtime });
  }
}
