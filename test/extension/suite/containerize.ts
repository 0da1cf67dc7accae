// Containerize → preview (virtual documents in a diff editor) → Apply / Discard, against the real engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { test } from './framework';
import { engineFiles, fixtureFolder, parity, previewTabs, readDisk, waitFor } from './helpers';

const web = () => fixtureFolder('web');

test('Containerize opens the generated Dockerfile as a diff preview with the engine\'s exact content, writing nothing', async () => {
  await parity();
  const expected = engineFiles(web());
  assert.ok(expected.some((f) => f.path === 'Dockerfile'), 'engine generates a Dockerfile for the fixture');
  await vscode.commands.executeCommand('parity.containerize', web());
  const tab = await waitFor('a preview diff tab', () => previewTabs()[0]);
  const input = tab.input as vscode.TabInputTextDiff;
  assert.equal(path.basename(input.modified.path), 'Dockerfile');
  assert.equal(input.modified.path, vscode.Uri.joinPath(web(), 'Dockerfile').path, 'preview URI names the file it would write');
  const doc = await vscode.workspace.openTextDocument(input.modified);
  assert.equal(doc.getText(), expected.find((f) => f.path === 'Dockerfile')!.content);
  assert.equal(doc.languageId, 'dockerfile');
  const original = await vscode.workspace.openTextDocument(input.original);
  assert.equal(original.getText(), '', 'a new file is compared with an empty document');
  for (const f of expected) assert.equal(readDisk(web(), f.path), undefined, `${f.path} must not be written before Apply`);
});

test('the Generated files view lists every generated file as new, and Discard drops the preview without writing', async () => {
  const api = await parity();
  const expected = engineFiles(web());
  const items = await api.inspectView('parity.generatedFiles');
  assert.deepEqual(items.map((i) => [i.label, i.description]).sort(), expected.map((f) => [f.path, 'new']).sort());
  assert.ok(items.every((i) => i.contextValue === 'parity.generatedFile.new' && i.command === 'parity.preview'));
  assert.equal(await vscode.commands.executeCommand('parity.discard'), true);
  await waitFor('preview tabs to close', () => previewTabs().length === 0);
  assert.deepEqual(await api.inspectView('parity.generatedFiles'), []);
  for (const f of expected) assert.equal(readDisk(web(), f.path), undefined, `${f.path} must not be written by Discard`);
});

test('Apply without an argument writes the last preview\'s files byte for byte and closes the preview', async () => {
  const expected = engineFiles(web());
  await vscode.commands.executeCommand('parity.containerize', web());
  await waitFor('a preview diff tab', () => previewTabs()[0]);
  const result = await vscode.commands.executeCommand<{ written: unknown[]; conflicts: unknown[] }>('parity.apply');
  assert.equal(result.conflicts.length, 0);
  assert.equal(result.written.length, expected.length);
  for (const f of expected) assert.equal(readDisk(web(), f.path), f.content, `${f.path} on disk`);
  await waitFor('preview tabs to close', () => previewTabs().length === 0);
  const leftovers = fs.readdirSync(web().fsPath).filter((n) => n.includes('.parity-') && n.endsWith('.tmp'));
  assert.deepEqual(leftovers, [], 'no temp files left by the atomic writes');
});

test('after Apply the generated files show as unchanged, and a user edit shows as changed', async () => {
  const api = await parity();
  const files = await api.generate(web());
  assert.ok(files.length > 0 && files.every((f) => f.status === 'unchanged'), JSON.stringify(files.map((f) => [f.path, f.status])));
  const dockerfile = path.join(web().fsPath, 'Dockerfile');
  fs.appendFileSync(dockerfile, '# a line the user added\n');
  const again = await api.generate(web());
  assert.equal(again.find((f) => f.path === 'Dockerfile')?.status, 'changed');
});

test('Apply refuses to clobber a file changed on disk since the preview, and writes nothing at all', async () => {
  const dockerfile = path.join(web().fsPath, 'Dockerfile');
  await vscode.commands.executeCommand('parity.containerize', web());
  await waitFor('a preview diff tab', () => previewTabs()[0]);
  const edited = fs.readFileSync(dockerfile, 'utf8') + '# edited while the preview was open\n';
  fs.writeFileSync(dockerfile, edited);
  const result = await vscode.commands.executeCommand<{ written: unknown[]; conflicts: { path: string }[] }>('parity.apply');
  assert.deepEqual(result.conflicts.map((f) => f.path), ['Dockerfile']);
  assert.equal(result.written.length, 0);
  assert.equal(fs.readFileSync(dockerfile, 'utf8'), edited, 'the user\'s edit survives');
  assert.equal(await vscode.commands.executeCommand('parity.discard'), true);
  await waitFor('preview tabs to close', () => previewTabs().length === 0);
});

test('settings are read when they change: the output folder moves the generated manifests', async () => {
  const api = await parity();
  const cfg = vscode.workspace.getConfiguration('parity');
  await cfg.update('outputFolder', 'k8s', vscode.ConfigurationTarget.Workspace);
  try {
    const files = await waitFor('manifests under k8s/', async () => {
      const f = await api.generate(web());
      return f.some((x) => x.path.startsWith('k8s/')) ? f : undefined;
    });
    assert.ok(!files.some((f) => f.path.startsWith('deploy/k8s/')));
  } finally {
    await cfg.update('outputFolder', undefined, vscode.ConfigurationTarget.Workspace);
  }
});
