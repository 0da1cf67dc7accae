// Starts the VS Code server that code-server@4.100.3 ships (provisioned by .ci/steps/30-vscode-server.sh)
// on a free local port, and stops it with everything it spawned. Used by the extension-host suite and the
// UI end-to-end test; neither leaves a server running.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const DEFAULT_SERVER_DIR = '/var/cache/parity-ci/code-server/package/lib/vscode';

/** Folder of the provisioned server (holding out/server-main.js), or undefined when it is not there. */
export function findServer(): string | undefined {
  const dir = process.env.PARITY_VSCODE_SERVER || DEFAULT_SERVER_DIR;
  return fs.existsSync(path.join(dir, 'out', 'server-main.js')) ? dir : undefined;
}

/** Why the VS Code suites cannot run here, or undefined when they can. */
export function missingPrerequisite(): string | undefined {
  if (!findServer()) return `VS Code server not provisioned (run .ci/steps/30-vscode-server.sh or set PARITY_VSCODE_SERVER)`;
  if (!fs.existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}`;
  return undefined;
}

export const CHROMIUM = process.env.PARITY_CHROMIUM || '/usr/bin/chromium';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  port: number;
  origin: string;
  userDataDir: string;
  extensionsDir: string;
  /** Everything the server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Settings written to the server's User/settings.json before start. */
  settings?: Record<string, unknown>;
  /** Reuse an extensions folder (e.g. one a .vsix was installed into). */
  extensionsDir?: string;
  env?: Record<string, string>;
}

/** Runs the server's CLI to install a .vsix into an extensions folder. */
export async function installVsix(vsix: string, extensionsDir: string): Promise<string> {
  const server = requireServer();
  const child = spawn(process.execPath, [path.join(server, 'out', 'server-main.js'), '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`installing ${vsix} failed (${code}):\n${out}`);
  return out;
}

function requireServer(): string {
  const server = findServer();
  if (!server) throw new Error(missingPrerequisite());
  return server;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const server = requireServer();
  const port = await freePort();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-vscode-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'remote.autoForwardPorts': false,
    ...options.settings,
  }, null, 2));

  let output = '';
  const child: ChildProcess = spawn(process.execPath, [
    path.join(server, 'out', 'server-main.js'),
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--user-data-dir', userDataDir, '--server-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry',
  ], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...options.env } });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server runs in its own process group (so stop() can end its children too); if this process is
  // ended before stop() runs, take the group down with it rather than leave a server behind.
  const killGroup = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
  const onSignal = (signal: NodeJS.Signals) => { killGroup(); process.exit(signal === 'SIGINT' ? 130 : 143); };
  process.once('exit', killGroup);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  const stop = async () => {
    process.off('exit', killGroup);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(base, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`VS Code server exited early (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${origin}/version`);
      if (res.ok || res.status === 404) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`VS Code server did not answer on ${origin} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, userDataDir, extensionsDir, log: () => output, stop };
}
