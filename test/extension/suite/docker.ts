// Build and run from the editor against the real Docker engine: parity.up builds the app's image and runs
// it, the Containers view lists the container with its published port, the app answers over HTTP, and
// parity.down removes it. Skipped without an engine unless PARITY_REQUIRE_DOCKER=1.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { Skip, test } from './framework';
import { fixtureFolder, parity, waitFor } from './helpers';

export function engineAnswers(): Promise<boolean> {
  const host = process.env.DOCKER_HOST;
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : host ? undefined : '/var/run/docker.sock';
  if (!socketPath) return Promise.resolve(true); // a tcp engine: let the command itself report
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/version', timeout: 3000 }, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

export function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => { let body = ''; res.on('data', (d) => (body += d)); res.on('end', () => resolve(body)); }).on('error', reject);
  });
}

export async function requireEngine(): Promise<void> {
  if (await engineAnswers()) return;
  if (process.env.PARITY_REQUIRE_DOCKER === '1') throw new Error('PARITY_REQUIRE_DOCKER=1 but no Docker engine answers');
  throw new Skip('no Docker engine reachable');
}

test('Build and Run builds and runs the app on the Docker engine, the Containers view lists it, Stop removes it', async () => {
  await requireEngine();
  const api = await parity();
  const web = fixtureFolder('web');
  try {
    assert.equal(await vscode.commands.executeCommand('parity.up', web), 0, 'parity up exits 0 (see the Parity output channel)');
    const item = await waitFor('the web container in the Containers view', async () =>
      (await api.inspectView('parity.containers')).find((c) => c.label === 'web' && c.description?.startsWith('running')), 30_000);
    assert.equal(item.contextValue, 'parity.container.running.web');
    const port = /127\.0\.0\.1:(\d+)→3000/.exec(item.description ?? '')?.[1];
    assert.ok(port, `published port in '${item.description}'`);
    assert.equal(await get(`http://127.0.0.1:${port}/`), 'hello from web\n');
  } finally {
    assert.equal(await vscode.commands.executeCommand('parity.down', web), 0, 'parity down exits 0');
  }
  const after = await api.inspectView('parity.containers');
  assert.ok(!after.some((c) => c.label === 'web'), 'no web container left');
}, { timeoutMs: 420_000 });

test('Show Logs after Build and Run returns the app container\'s log lines (written to the Parity output); the status bar counts it running', async () => {
  await requireEngine();
  const api = await parity();
  const web = fixtureFolder('web');
  try {
    assert.equal(await vscode.commands.executeCommand('parity.up', web), 0, 'parity up exits 0 (see the Parity output channel)');
    const bar = await waitFor('the status bar to count a running app container', () => {
      const b = api.inspectStatusBar();
      return /\$\(vm-running\) [1-9]\d* running/.test(b.text) ? b : undefined;
    }, 30_000);
    assert.match(bar.tooltip, /^[1-9]\d* app container\(s\) running$/m);
    const text = await waitFor('the app to log that it listens', async () => {
      const t = await vscode.commands.executeCommand<string | undefined>('parity.logs', web);
      return t?.includes('listening on 3000') ? t : undefined;
    }, 20_000);
    assert.match(text, /^listening on 3000$/m, 'server.js\'s startup line from the container');
  } finally {
    assert.equal(await vscode.commands.executeCommand('parity.down', web), 0, 'parity down exits 0');
  }
}, { timeoutMs: 420_000 });
