// The Apps view lists the detected app with its facts, each fact's tooltip naming its source.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './framework';
import { fixtureFolder, parity, waitFor } from './helpers';

test('the API detects the fixture app with facts and sources as the CLI prints them', async () => {
  const api = await parity();
  const apps = await api.detect(fixtureFolder('web'));
  assert.equal(apps.length, 1);
  assert.equal(apps[0].name, 'web');
  assert.equal(apps[0].ecosystem, 'node');
  assert.deepEqual(apps[0].port, { value: 3000, source: 'server.js:3' });
  assert.deepEqual(apps[0].runtimeVersion, { value: '20', source: 'package.json > engines.node' });
});

test('the Apps view lists the app and its facts; a fact\'s tooltip is its source and clicking opens it', async () => {
  const api = await parity();
  await vscode.commands.executeCommand('parity.refresh');
  const tree = await waitFor('the Apps view to list web', async () => {
    const t = await api.inspectView('parity.apps');
    const flat = t.flatMap((n) => (n.contextValue === 'parity.app' ? [n] : n.children));
    return flat.find((n) => n.label === 'web' && n.contextValue === 'parity.app');
  });
  assert.equal(tree.description, 'node · web');
  const port = tree.children.find((c) => c.label === 'port: 3000');
  assert.ok(port, `port fact listed: ${tree.children.map((c) => c.label).join(', ')}`);
  assert.equal(port.tooltip, 'source: web/server.js:3');
  assert.equal(port.command, 'parity.openSource');
});

test('clicking a fact opens its source file at the line', async () => {
  await vscode.commands.executeCommand('parity.openSource', {
    kind: 'fact', folder: fixtureFolder('.'), label: 'port', value: '3000', source: 'web/server.js:3',
    app: { name: 'web' },
  });
  const editor = await waitFor('server.js to open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('/web/server.js') ? vscode.window.activeTextEditor : undefined));
  assert.equal(editor.selection.active.line, 2);
});
