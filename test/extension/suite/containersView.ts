// The Containers view against the real Docker engine (issue 15, "Containers view parity" and "Scope and
// freshness"): a container of this workspace is listed at the top with its details; one from another
// checkout sits under "Other projects" and is not counted by the status bar; the engine's event stream
// updates the status bar without any command; Restart, Inspect, Follow Logs, Attach Shell, Stop and
// Remove act on the container through the Engine API.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../../src/extension/views/nodes';
import { test } from './framework';
import { fixtureFolder, parity, waitFor } from './helpers';
import { requireEngine } from './docker';

/** One Engine API call over the default socket (the suite has no dockerode). */
function engine<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const socketPath = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice(7) : '/var/run/docker.sock';
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: (text ? JSON.parse(text) : undefined) as T }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

interface Listed { Id: string; Names: string[]; State: string; Image: string; Labels: Record<string, string> }

async function containerNode(name: string): Promise<{ kind: 'container'; container: ContainerSummary }> {
  const { json } = await engine<Listed[]>('GET', `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ name: [name] }))}`);
  const c = json.find((x) => x.Names.includes(`/${name}`));
  assert.ok(c, `container ${name} exists`);
  const container: ContainerSummary = { id: c.Id, name, project: c.Labels['dev.parity.project'], app: c.Labels['dev.parity.app'], role: 'app', root: c.Labels['dev.parity.root'], image: c.Image, created: 0, state: c.State, status: '', ports: [] };
  return { kind: 'container', container };
}

const runningCount = (text: string) => Number(/\$\(vm-running\) (\d+) running/.exec(text)?.[1] ?? 0);

test('containers view: this workspace\'s container with details, another checkout\'s under "Other projects", actions through the Engine API', async () => {
  await requireEngine();
  const api = await parity();
  const web = fixtureFolder('web');
  const otherName = `parity-editor-test-other-${process.pid}`;
  try {
    assert.equal(await vscode.commands.executeCommand('parity.up', web), 0, 'parity up exits 0 (see the Parity output channel)');
    const row = await waitFor('web at the top of the Containers view', async () =>
      (await api.inspectView('parity.containers')).find((c) => c.label === 'web' && c.description?.startsWith('running')), 30_000);
    const details = Object.fromEntries(row.children.map((c) => c.label.split(': ')).map(([k, ...v]) => [k, v.join(': ')]));
    assert.equal(details.folder, web.fsPath, 'expanding the row shows the project folder');
    assert.match(details.image, /^web:dev-[0-9a-f]{12}$/);
    const node = await containerNode(`parity-web-web`);

    // The same app started from another checkout (same labels but the folder): listed under "Other
    // projects", not counted by the status bar.
    const created = await engine<{ Id: string }>('POST', `/containers/create?name=${otherName}`, {
      Image: node.container.image, Cmd: ['node', '-e', 'setInterval(() => {}, 1000)'],
      Labels: { 'dev.parity.project': 'web', 'dev.parity.app': 'web', 'dev.parity.role': 'app', 'dev.parity.root': `/tmp/parity-elsewhere-${process.pid}` },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    await engine('POST', `/containers/${created.json.Id}/start`);
    const other = await waitFor('"Other projects" to list the other checkout\'s container', async () =>
      (await api.inspectView('parity.containers')).find((c) => c.label === 'Other projects' && c.children.some((x) => x.label === 'web' && x.description?.includes('parity-elsewhere'))), 20_000);
    assert.equal(other.description, '1 container');
    assert.equal((await api.inspectView('parity.containers')).filter((c) => c.label === 'web').length, 1, 'only this workspace\'s web at the top level');
    assert.equal(runningCount(api.inspectStatusBar().text), 1, 'the status bar counts only this workspace\'s app');

    const before = (await engine<{ State: { StartedAt: string } }>('GET', `/containers/${node.container.id}/json`)).json.State.StartedAt;
    assert.equal(await vscode.commands.executeCommand('parity.restartContainer', node), true);
    const after = (await engine<{ State: { StartedAt: string; Running: boolean } }>('GET', `/containers/${node.container.id}/json`)).json.State;
    assert.ok(after.Running && after.StartedAt !== before, 'restarted');

    assert.equal(await vscode.commands.executeCommand('parity.inspectContainer', node), true);
    const doc = await waitFor('the inspect document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'parity-readonly' ? vscode.window.activeTextEditor.document : undefined);
    assert.equal(JSON.parse(doc.getText()).Id, node.container.id);

    await vscode.commands.executeCommand('parity.followLogs', node);
    await waitFor('the app startup line in the Logs terminal', () => api.inspectTerminal('Logs: parity-web-web')?.includes('listening on 3000'), 20_000);
    assert.ok(vscode.window.terminals.some((t) => t.name === 'Logs: parity-web-web'));

    const shell = await vscode.commands.executeCommand<vscode.Terminal>('parity.attachShell', node);
    await waitFor('the shell prompt', () => (api.inspectTerminal('Shell: parity-web-web') ?? '').length > 0, 15_000);
    shell.sendText('echo "parity-$((6*7))"');
    await waitFor('the shell to run a command inside the container', () => api.inspectTerminal('Shell: parity-web-web')?.includes('parity-42'), 15_000);
    shell.dispose();

    // Stopped through the Engine API directly: the event stream alone brings the status bar down.
    await engine('POST', `/containers/${node.container.id}/stop`);
    await waitFor('the status bar to follow the engine event', () => runningCount(api.inspectStatusBar().text) === 0, 20_000);
    assert.equal(await vscode.commands.executeCommand('parity.removeContainer', node), true);
    assert.equal((await engine('GET', `/containers/${node.container.id}/json`)).status, 404, 'removed');
  } finally {
    await engine('DELETE', `/containers/${otherName}?force=1`);
    for (const t of vscode.window.terminals.filter((x) => x.name.endsWith('parity-web-web'))) t.dispose();
    await vscode.commands.executeCommand('parity.down', web);
  }
}, { timeoutMs: 420_000 });
