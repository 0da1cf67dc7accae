import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './framework';
import { EXTENSION_ID, parity } from './helpers';

const FIXED_IDS = ['parity.containerize', 'parity.preview', 'parity.apply', 'parity.discard', 'parity.up', 'parity.down', 'parity.logs', 'parity.checkDrift', 'parity.selectTarget', 'parity.refresh'];

test('runs inside a real VS Code 1.100 extension host with the fixture workspace open', () => {
  assert.match(vscode.version, /^1\.100\./);
  assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  assert.ok(vscode.workspace.isTrusted, 'workspace trust is disabled in the test settings');
});

test('activates lazily: the workspace has a parity.yaml, so the extension is active without any command', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'extension installed');
  const deadline = Date.now() + 10_000;
  while (!ext.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(ext.isActive, 'activated by workspaceContains:parity.yaml');
});

test('registers every command under its fixed id', async () => {
  await parity();
  const registered = new Set(await vscode.commands.getCommands(true));
  const missing = FIXED_IDS.filter((id) => !registered.has(id));
  assert.deepEqual(missing, []);
});

test('contributes the Parity sidebar, a Containerize… entry on Explorer folders, and its settings', () => {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
  assert.deepEqual(pkg.contributes.views.parity.map((v: { id: string }) => v.id), ['parity.apps', 'parity.generatedFiles', 'parity.containers', 'parity.drift']);
  const explorer = pkg.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'parity.containerize');
  assert.equal(explorer.when, 'explorerResourceIsFolder');
  const cfg = vscode.workspace.getConfiguration('parity');
  assert.equal(cfg.get('outputFolder'), 'deploy/k8s');
  assert.equal(cfg.get('driftOnSave'), true);
});
