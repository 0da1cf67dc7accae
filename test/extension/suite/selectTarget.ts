// Select Production Target with a preselected target name (QuickPicks cannot be answered in test mode):
// the chosen target drives the generated Dockerfile's base family and the drift check.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DiskRepo } from '../../../src/core/repo';
import { detect } from '../../../src/core/detect';
import { generate } from '../../../src/core/generate';
import type { Family } from '../../../src/core/model';
import { test } from './framework';
import { fixtureFolder, parity } from './helpers';

const TWO_TARGETS = 'targets:\n  prod: { os: debian12, arch: amd64, runtime: kubernetes }\n  rhel: { os: rhel9, arch: arm64, runtime: kubernetes }\n';

/** A copy of legacy/ with two targets, outside the workspace so the parity.yaml watcher leaves it alone. */
function twoTargetFolder(): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-targets-'));
  fs.cpSync(fixtureFolder('legacy').fsPath, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'parity.yaml'), TWO_TARGETS);
  return vscode.Uri.file(dir);
}

const engineDockerfile = (folder: vscode.Uri, family: Family) =>
  generate(detect(new DiskRepo(folder.fsPath, '.')), { family, k8sDir: 'deploy/k8s' }).files.find((f) => f.path === 'Dockerfile')!.content;

test('Select Production Target with a target name switches generate to that target\'s base family and drift to its arch', async () => {
  const api = await parity();
  const folder = twoTargetFolder();
  const dockerfile = async () => (await api.generate(folder)).find((f) => f.path === 'Dockerfile')!.content;
  const ids = async () => (await api.drift(folder)).map((f) => f.id);
  try {
    assert.equal(await vscode.commands.executeCommand('parity.selectTarget', folder, 'prod'), 'prod');
    assert.equal(vscode.workspace.getConfiguration('parity').get('productionTarget'), 'prod');
    assert.equal(await dockerfile(), engineDockerfile(folder, 'debian'));
    assert.ok(!(await ids()).includes('ARCH'), 'no ARCH finding against the amd64 target');

    assert.equal(await vscode.commands.executeCommand('parity.selectTarget', folder, 'rhel'), 'rhel');
    assert.equal(vscode.workspace.getConfiguration('parity').get('productionTarget'), 'rhel');
    const rhel = await dockerfile();
    assert.equal(rhel, engineDockerfile(folder, 'rhel'));
    assert.match(rhel, /^FROM registry\.access\.redhat\.com\/ubi9\//m, 'a UBI base image for the rhel9 target');
    assert.ok((await ids()).includes('ARCH'), 'an ARCH finding against the arm64 target');

    assert.equal(await vscode.commands.executeCommand('parity.selectTarget', folder, 'staging'), undefined, 'an unknown target is refused');
    assert.equal(vscode.workspace.getConfiguration('parity').get('productionTarget'), 'rhel', 'and leaves the setting alone');
  } finally {
    await vscode.commands.executeCommand('parity.selectTarget', folder, '');
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  }
  assert.equal(vscode.workspace.getConfiguration('parity').get('productionTarget'), '');
});
