// Where the Docker engine is and how to reach it. Resolution only reads environment variables and the
// Docker CLI's config files; nothing contacts the engine until `connectEngine()` is awaited by a command
// that needs it. Order: explicit setting/flag > DOCKER_HOST > current Docker context > Podman socket >
// default socket.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { UserError } from '../core/errors';
import { compareVersions } from '../core/version';
import { readRegularText } from '../core/safe-read';

export interface EngineTarget {
  /** What the user would write in DOCKER_HOST, e.g. `unix:///var/run/docker.sock`, `tcp://host:2376`. */
  url: string;
  /** Where the choice came from, e.g. `--docker-host`, `DOCKER_HOST`, `docker context "remote"`. */
  source: string;
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
}

export interface ResolveInput {
  /** Explicit setting or `--docker-host` flag; wins over everything. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Injected for tests; defaults to fs.existsSync. */
  exists?: (p: string) => boolean;
  /** How long the first exchange (connect + version) may take; default 10 s (PARITY_ENGINE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Default wait for an engine to answer its first request. */
export function engineTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.PARITY_ENGINE_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 10_000;
}

/** Oldest Engine API Parity speaks (Docker 19.03): healthcheck start period, network aliases, labels. */
export const MIN_API_VERSION = '1.40';

export function resolveEngine(input: ResolveInput = {}): EngineTarget {
  const env = input.env ?? process.env;
  const home = input.home ?? os.homedir();
  const exists = input.exists ?? fs.existsSync;
  if (input.explicit) return parseHost(input.explicit, '--docker-host', env);
  if (env.DOCKER_HOST) return parseHost(env.DOCKER_HOST, 'DOCKER_HOST', env);
  const ctx = fromDockerContext(env, home);
  if (ctx) return ctx;
  const podman = [env.XDG_RUNTIME_DIR && path.join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'), '/run/podman/podman.sock']
    .filter((p): p is string => Boolean(p))
    .find((p) => exists(p));
  if (podman) return { url: `unix://${podman}`, source: 'Podman socket', socketPath: podman };
  const desktop = path.join(home, '.docker', 'run', 'docker.sock');
  const socketPath = exists(desktop) ? desktop : '/var/run/docker.sock';
  return { url: `unix://${socketPath}`, source: 'default socket', socketPath };
}

function parseHost(value: string, source: string, env: NodeJS.ProcessEnv, tlsDir?: string, skipVerify = false): EngineTarget {
  if (value.startsWith('/')) return { url: `unix://${value}`, source, socketPath: value };
  if (value.startsWith('unix://')) return { url: value, source, socketPath: value.slice('unix://'.length) };
  if (value.startsWith('npipe://')) return { url: value, source, socketPath: value.slice('npipe://'.length) || '//./pipe/docker_engine' };
  let u: URL;
  try {
    u = new URL(value.includes('://') ? value : `tcp://${value}`);
  } catch {
    throw new UserError(`${source}: '${value}' is not a Docker host`, 'Use unix:///path/to/docker.sock or tcp://host:port.');
  }
  if (u.protocol === 'ssh:') throw new UserError(`${source}: ssh:// engines are not supported yet`, 'Forward the socket (ssh -L) and use unix:// or tcp://.');
  if (u.protocol !== 'tcp:' && u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UserError(`${source}: unsupported scheme '${u.protocol}' in '${value}'`, 'Use unix://, tcp:// or npipe://.');
  }
  const port = Number(u.port || (u.protocol === 'https:' ? 2376 : 2375));
  const certDir = tlsDir ?? env.DOCKER_CERT_PATH;
  const wantsTls = u.protocol === 'https:' || env.DOCKER_TLS_VERIFY === '1' || port === 2376 || (tlsDir !== undefined && fs.existsSync(tlsDir));
  const target: EngineTarget = { url: value, source, host: u.hostname, port, protocol: wantsTls ? 'https' : 'http' };
  if (wantsTls && certDir) target.tls = readTls(certDir, source);
  if (skipVerify && target.tls) delete target.tls.ca;
  return target;
}

function readTls(dir: string, source: string): EngineTarget['tls'] {
  const read = (f: string) => {
    const text = readRegularText(path.join(dir, f), 1024 * 1024);
    return text === undefined ? undefined : Buffer.from(text);
  };
  const tls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
  if (!tls.ca && !tls.cert && !tls.key) throw new UserError(`${source}: no ca.pem/cert.pem/key.pem in ${dir}`, 'Set DOCKER_CERT_PATH to the folder holding your TLS files.');
  return tls;
}

/** The Docker CLI's current context: DOCKER_CONTEXT, else `currentContext` in config.json. */
function fromDockerContext(env: NodeJS.ProcessEnv, home: string): EngineTarget | undefined {
  const configDir = env.DOCKER_CONFIG ?? path.join(home, '.docker');
  let name = env.DOCKER_CONTEXT;
  if (!name) {
    try {
      name = JSON.parse(readRegularText(path.join(configDir, 'config.json')) ?? '').currentContext;
    } catch {
      return undefined;
    }
  }
  if (!name || name === 'default') return undefined;
  const id = crypto.createHash('sha256').update(name).digest('hex');
  const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
  let meta: { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } };
  try {
    meta = JSON.parse(readRegularText(metaFile) ?? '');
  } catch {
    throw new UserError(`docker context "${name}" is selected but ${metaFile} is missing or unreadable`, 'Run `docker context use default` or `docker context ls`.');
  }
  const ep = meta.Endpoints?.docker;
  if (!ep?.Host) throw new UserError(`docker context "${name}" has no docker endpoint`, `Check ${metaFile}.`);
  const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
  return parseHost(ep.Host, `docker context "${name}"`, {}, fs.existsSync(tlsDir) ? tlsDir : undefined, ep.SkipTLSVerify);
}

/** A dockerode client for the target; constructing it does not contact the engine. */
export function clientFor(target: EngineTarget): Docker {
  if (target.socketPath) return new Docker({ socketPath: target.socketPath });
  return new Docker({ host: target.host, port: target.port, protocol: target.protocol, ...target.tls });
}

export interface Engine {
  docker: Docker;
  target: EngineTarget;
  apiVersion: string;
  serverVersion: string;
}

/** Resolves, connects and checks the engine; every failure is a UserError saying what to do. */
export async function connectEngine(input: ResolveInput = {}): Promise<Engine> {
  const target = resolveEngine(input);
  const docker = clientFor(target);
  let version: { ApiVersion?: string; Version?: string };
  const timeoutMs = input.timeoutMs ?? engineTimeoutMs(input.env);
  let timer: NodeJS.Timeout | undefined;
  try {
    // An endpoint that accepts the connection and never answers must not hang the command.
    version = await Promise.race([
      docker.version(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('no answer'), { code: 'PARITY_TIMEOUT' })), timeoutMs);
        timer.unref();
      }),
    ]);
  } catch (err) {
    if ((err as { code?: string }).code === 'PARITY_TIMEOUT') {
      throw new UserError(`the Docker engine at ${target.url} (${target.source}) did not answer within ${timeoutMs / 1000} s`, 'Check that the address is a Docker engine and that it is not overloaded, or point --docker-host / DOCKER_HOST at a running engine.');
    }
    throw engineError(err, target);
  } finally {
    clearTimeout(timer);
  }
  const apiVersion = version.ApiVersion ?? '0';
  if (compareVersions(apiVersion, MIN_API_VERSION) < 0) {
    throw new UserError(
      `the Docker engine at ${target.url} is too old: API ${apiVersion} (Docker ${version.Version ?? '?'}), Parity needs API ${MIN_API_VERSION} (Docker 19.03) or newer`,
      'Upgrade Docker Engine, or point --docker-host at a newer one.',
    );
  }
  return { docker, target, apiVersion, serverVersion: version.Version ?? '?' };
}

/** Turns a connection failure into a message naming the engine address and the fix. */
export function engineError(err: unknown, target: EngineTarget): Error {
  const code = (err as NodeJS.ErrnoException)?.code;
  const where = `${target.url} (${target.source})`;
  if (code === 'ENOENT' || code === 'ECONNREFUSED') {
    return new UserError(
      `Docker engine not running: nothing answers at ${where}`,
      'Start it (`sudo systemctl start docker`, Docker Desktop, or `podman system service`), or point --docker-host / DOCKER_HOST at a running engine.',
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError(
      `permission denied on the Docker socket ${where}`,
      'Add your user to the docker group (`sudo usermod -aG docker $USER`, then log out and in) or use rootless Docker (`dockerd-rootless-setuptool.sh install`, DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock).',
    );
  }
  if (code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || code === 'ECONNRESET') {
    return new UserError(`cannot reach the Docker engine at ${where}: ${code}`, 'Check the host name, port and network, or start a local engine.');
  }
  const message = err instanceof Error ? err.message : String(err);
  return new UserError(`the Docker engine at ${where} did not answer as expected: ${message.split('\n')[0].slice(0, 300)}`);
}

