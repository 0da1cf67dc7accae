// Select Production Target in a folder without parity.yaml (issue 15, "Choices instead of CLI errors"):
// it offers "Create parity.yaml…", the OS list Parity knows and the architecture, writes the file, selects
// its target and re-checks drift; switching to a RHEL target moves generation to UBI base images.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DISTROS } from '../../../src/core/platform/distros';
import { test } from './framework';
import { answerQuickPicks, fixtureFolder, parity, waitFor } from './helpers';

test('create target: Select Production Target without parity.yaml creates one from the known OS list and selects it', async () => {
  const api = await parity();
  const folder = fixtureFolder('web-target');
  fs.mkdirSync(folder.fsPath);
  for (const f of ['package.json', 'package-lock.json', 'server.js']) fs.copyFileSync(path.join(fixtureFolder('web').fsPath, f), path.join(folder.fsPath, f));
  try {
    const rhel9 = DISTROS.findIndex((d) => d.id === 'rhel9');
    assert.ok(rhel9 > 0);
    // 1: "Create parity.yaml…" (after the default entry), 2: RHEL 9 in the OS list, 3: amd64.
    const chosen = await answerQuickPicks(vscode.commands.executeCommand<string | undefined>('parity.selectTarget', folder), [1, rhel9, 0]);
    assert.equal(chosen, 'prod');
    const yaml = fs.readFileSync(path.join(folder.fsPath, 'parity.yaml'), 'utf8');
    assert.match(yaml, /^ {2}prod:\n {4}os: rhel9\n {4}arch: amd64\n {4}runtime: kubernetes$/m);
    assert.equal(vscode.workspace.getConfiguration('parity').get('productionTarget'), 'prod');
    const dockerfile = (await api.generate(folder)).find((f) => f.path === 'Dockerfile');
    assert.match(dockerfile?.content ?? '', /^FROM registry\.access\.redhat\.com\/ubi9/m, 'the RHEL target moves generation to UBI');
    assert.match(api.inspectViewMessage('parity.drift') ?? '', /against prod \(rhel9, amd64\)/, 'the drift check ran against the new target');
  } finally {
    await vscode.workspace.getConfiguration('parity').update('productionTarget', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  }
}, { timeoutMs: 60_000 });

test('create target: typos in parity.yaml are Problems on the key\'s line, with a suggestion, and a fixed file clears them', async () => {
  await parity();
  const folder = fixtureFolder('yaml-typos');
  fs.mkdirSync(folder.fsPath);
  const file = vscode.Uri.joinPath(folder, 'parity.yaml');
  fs.writeFileSync(file.fsPath, 'targets:\n  prod:\n    oss: rhel9\n    arch: amd64\n  edge: { os: debain12, arch: arm64 }\n');
  try {
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const problems = await waitFor('parity.yaml Problems', () => {
      const d = vscode.languages.getDiagnostics(file).filter((x) => x.source === 'Parity (parity.yaml)');
      return d.length >= 3 ? d : undefined;
    });
    const at = (re: RegExp) => problems.find((p) => re.test(p.message));
    assert.equal(at(/targets\.prod\.oss: not a target key.*did you mean 'os'\?/)?.range.start.line, 2);
    assert.equal(at(/targets\.prod: no os: assuming debian12/)?.range.start.line, 1);
    assert.equal(at(/'debain12' is not an OS Parity knows/)?.range.start.line, 4);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'targets:\n  prod:\n    os: rhel9\n    arch: amd64\n'));
    await waitFor('the Problems to clear', () => vscode.languages.getDiagnostics(file).filter((x) => x.source === 'Parity (parity.yaml)').length === 0);
    await doc.save();
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  }
});
