// Apply follows the CLI's rules (blocker 1 of issue 15): a generated file the user edited, or a file
// Parity did not write, is listed as such in the Generated files view, kept by Apply, and replaced only
// after a per-file confirmation. Also: a workspace member is containerized within its workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DiskRepo } from '../../../src/core/repo';
import { detect } from '../../../src/core/detect';
import { generate } from '../../../src/core/generate';
import type { ApplyResult } from '../../../src/extension/preview/apply';
import type { PreviewSession } from '../../../src/extension/preview/sessions';
import type { TreeSnapshot } from '../../../src/extension/views/snapshot';
import { test } from './framework';
import { answerQuickPick, copyFixtureIntoWorkspace, parity, previewTabs, waitFor } from './helpers';

type Applied = ApplyResult & { kept: { path: string }[] };
const flat = (nodes: TreeSnapshot[]): TreeSnapshot[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const fileNode = (session: PreviewSession, rel: string) => ({ kind: 'generatedFile', sessionId: session.id, file: session.files.find((f) => f.path === rel)! });

test('apply safety: a member folder is containerized within its workspace — the same Dockerfile as from the workspace root', async () => {
  await parity();
  const mono = copyFixtureIntoWorkspace('monorepo', 'mono-same');
  try {
    const session = await vscode.commands.executeCommand<PreviewSession>('parity.containerize', vscode.Uri.joinPath(mono.folder, 'apps', 'api'));
    assert.equal(session.folder.fsPath, mono.folder.fsPath, 'the preview is planned from the workspace root');
    assert.equal(session.appPath, 'apps/api');
    const fromRoot = generate(detect(new DiskRepo(mono.folder.fsPath, '.')), { family: 'debian', k8sDir: 'deploy/k8s' }).files;
    const dockerfile = session.files.find((f) => f.kind === 'dockerfile')!;
    assert.equal(dockerfile.path, 'apps/api/Dockerfile');
    assert.equal(dockerfile.content, fromRoot.find((f) => f.path === 'apps/api/Dockerfile')!.content, 'byte for byte the Dockerfile the root generates');
    assert.equal(dockerfile.buildContext, '', 'built with the workspace root as context');
    assert.ok(session.files.every((f) => f.app === 'apps/api'), `only the member's files: ${session.files.map((f) => f.path).join(', ')}`);
    assert.equal(await vscode.commands.executeCommand('parity.discard'), true);
  } finally {
    mono.remove();
  }
});

test('apply safety: Apply keeps a deployment.yaml the user edited (replicas: 3), shows it "edited by you", replaces it only when confirmed', async () => {
  const api = await parity();
  const mono = copyFixtureIntoWorkspace('monorepo', 'mono-edited');
  const member = vscode.Uri.joinPath(mono.folder, 'apps', 'api');
  const deployment = path.join(member.fsPath, 'deploy', 'k8s', 'deployment.yaml');
  try {
    await vscode.commands.executeCommand('parity.containerize', member);
    const first = await vscode.commands.executeCommand<Applied>('parity.apply');
    assert.deepEqual(first.kept, []);
    const generated = fs.readFileSync(deployment, 'utf8');
    assert.match(generated, /^ {2}replicas: 1$/m);
    const edited = generated.replace(/^ {2}replicas: 1$/m, '  replicas: 3');
    fs.writeFileSync(deployment, edited);

    const session = await vscode.commands.executeCommand<PreviewSession>('parity.containerize', member);
    const rows = flat(await api.inspectView('parity.generatedFiles'));
    const row = rows.find((r) => r.label === 'apps/api/deploy/k8s/deployment.yaml');
    assert.equal(row?.description, 'changed · edited by you');
    assert.equal(row?.contextValue, 'parity.generatedFile.edited');
    assert.match(row?.tooltip ?? '', /edited by you/);

    const all = await vscode.commands.executeCommand<Applied>('parity.apply');
    assert.deepEqual(all.kept.map((f) => f.path), ['apps/api/deploy/k8s/deployment.yaml']);
    assert.equal(fs.readFileSync(deployment, 'utf8'), edited, 'Apply did not reset replicas: 3');
    const still = flat(await api.inspectView('parity.generatedFiles')).find((r) => r.label === 'apps/api/deploy/k8s/deployment.yaml');
    assert.equal(still?.description, 'changed · edited by you', 'the kept file stays listed for review');

    const declined = await answerQuickPick(vscode.commands.executeCommand<Applied>('parity.apply', fileNode(session, 'apps/api/deploy/k8s/deployment.yaml')), 'cancel');
    assert.equal(declined.written.length, 0);
    assert.equal(fs.readFileSync(deployment, 'utf8'), edited, 'Escape on the confirmation keeps the file');

    const confirmed = await answerQuickPick(vscode.commands.executeCommand<Applied>('parity.apply', fileNode(session, 'apps/api/deploy/k8s/deployment.yaml')), 1);
    assert.deepEqual(confirmed.written.map((f) => f.path), ['apps/api/deploy/k8s/deployment.yaml']);
    assert.equal(fs.readFileSync(deployment, 'utf8'), generated, 'replaced after the explicit confirmation');
    await waitFor('the preview to close once nothing is left', () => !previewTabs().some((t) => (t.input as vscode.TabInputTextDiff).modified.query.includes(`session=${session.id}&`)));
    assert.equal((await api.inspectView('parity.generatedFiles')).length === 0 || !flat(await api.inspectView('parity.generatedFiles')).some((r) => r.label.startsWith('apps/api/')), true, 'the session is closed');
  } finally {
    await vscode.commands.executeCommand('parity.discard');
    mono.remove();
  }
}, { timeoutMs: 90_000 });

test('apply safety: a hand-written Dockerfile in a monorepo member shows "not written by Parity" and Apply leaves it', async () => {
  const api = await parity();
  const mono = copyFixtureIntoWorkspace('monorepo', 'mono-foreign');
  const member = vscode.Uri.joinPath(mono.folder, 'apps', 'admin');
  const dockerfile = path.join(member.fsPath, 'Dockerfile');
  const handWritten = 'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "apps/admin/server.js"]\n';
  fs.writeFileSync(dockerfile, handWritten);
  try {
    await vscode.commands.executeCommand('parity.containerize', member);
    const row = flat(await api.inspectView('parity.generatedFiles')).find((r) => r.label === 'apps/admin/Dockerfile');
    assert.equal(row?.description, 'changed · not written by Parity');
    assert.equal(row?.contextValue, 'parity.generatedFile.foreign');
    const result = await vscode.commands.executeCommand<Applied>('parity.apply');
    assert.deepEqual(result.kept.map((f) => f.path), ['apps/admin/Dockerfile']);
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), handWritten, 'the hand-written Dockerfile is untouched');
    assert.ok(fs.existsSync(path.join(member.fsPath, 'deploy', 'k8s', 'deployment.yaml')), 'the other files were written');
  } finally {
    await vscode.commands.executeCommand('parity.discard');
    mono.remove();
  }
});
