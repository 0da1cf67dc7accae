// Drift findings as Problems on the right lines, quick fixes that apply the finding's edits, re-check on
// save and on parity.yaml changes, and the Drift view — on a fixture with real drift (legacy/).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../../src/core/model';
import { test } from './framework';
import { fixtureFolder, parity, waitFor } from './helpers';

const legacy = () => fixtureFolder('legacy');
const file = (rel: string) => vscode.Uri.joinPath(legacy(), rel);
const parityDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Parity');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

test('Check Drift puts findings in Problems on the evidence lines, source "Parity", code = rule id', async () => {
  await parity();
  const findings = await vscode.commands.executeCommand<Finding[]>('parity.checkDrift', legacy());
  const ids = findings.map((f) => f.id);
  for (const id of ['PORT_MISMATCH', 'CRLF', 'ROOT_USER']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  const onDockerfile = await waitFor('Dockerfile diagnostics', () => (parityDiagnostics(file('Dockerfile')).length ? parityDiagnostics(file('Dockerfile')) : undefined));
  const port = onDockerfile.find((d) => codeOf(d) === 'PORT_MISMATCH');
  assert.ok(port, 'PORT_MISMATCH on the Dockerfile');
  assert.equal(port.range.start.line, 3, 'on the EXPOSE line (4th)');
  assert.equal(port.severity, vscode.DiagnosticSeverity.Warning);
  const listen = parityDiagnostics(file('server.js')).find((d) => codeOf(d) === 'PORT_MISMATCH');
  assert.equal(listen?.range.start.line, 2, 'and on the line the app listens from');
  const crlf = parityDiagnostics(file('entrypoint.sh')).find((d) => codeOf(d) === 'CRLF');
  assert.equal(crlf?.severity, vscode.DiagnosticSeverity.Error);
  assert.equal(crlf?.range.start.line, 0);
});

test('the Drift view lists the findings by severity, each naming its rule and evidence', async () => {
  const api = await parity();
  const tree = await api.inspectView('parity.drift');
  const severities = tree.map((n) => n.label.replace(/ \(\d+\)$/, ''));
  assert.deepEqual(severities, ['error', 'warning', 'info']);
  const items = tree.flatMap((n) => n.children);
  const port = items.filter((i) => i.description?.startsWith('PORT_MISMATCH'));
  assert.equal(port.length, 1, 'a finding seen from the workspace and from legacy/ is listed once');
  assert.equal(port[0].contextValue, 'parity.finding.fixable');
  assert.equal(port[0].command, 'parity.openEvidence');
});

test('the quick fix applies the finding\'s edit, and saving re-checks so the Problem goes away', async () => {
  const dockerfile = file('Dockerfile');
  const doc = await vscode.workspace.openTextDocument(dockerfile);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', dockerfile, new vscode.Range(3, 0, 3, 0), vscode.CodeActionKind.QuickFix.value);
  // Only PORT_MISMATCH has a machine-applicable edit on the EXPOSE line.
  const ours = actions.filter((a) => a.title.startsWith('Parity:'));
  assert.equal(ours.length, 1, `one Parity quick fix on the EXPOSE line among: ${actions.map((a) => a.title).join(' | ')}`);
  const fix = ours[0];
  assert.match(fix.title, /3000/);
  assert.ok(fix.edit);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.equal(doc.lineAt(3).text, 'EXPOSE 3000');
  assert.ok(await doc.save());
  assert.match(fs.readFileSync(dockerfile.fsPath, 'utf8'), /^EXPOSE 3000$/m);
  await waitFor('PORT_MISMATCH to be re-checked away after save', () => !parityDiagnostics(dockerfile).some((d) => codeOf(d) === 'PORT_MISMATCH'), 20_000);
});

test('the Drift view\'s Apply Fix creates a file the fix needs (.gitattributes for a CRLF script), offered as a quick fix too', async () => {
  const api = await parity();
  const script = file('entrypoint.sh');
  await vscode.workspace.openTextDocument(script);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', script, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.QuickFix.value);
  const ours = actions.filter((a) => a.title.startsWith('Parity:'));
  assert.equal(ours.length, 1, `one Parity quick fix on the shebang line among: ${actions.map((a) => a.title).join(' | ')}`);
  const crlf = (await api.drift(legacy())).find((f) => f.id === 'CRLF');
  assert.ok(crlf?.fix.edits?.length, 'CRLF comes with an edit');
  assert.equal(await vscode.commands.executeCommand('parity.applyFix', { kind: 'finding', folder: legacy(), finding: crlf }), true);
  assert.equal(fs.readFileSync(path.join(legacy().fsPath, '.gitattributes'), 'utf8'), '*.sh text eol=lf\n');
});

test('changing parity.yaml re-checks drift against the new production target', async () => {
  const api = await parity();
  const yaml = path.join(legacy().fsPath, 'parity.yaml');
  const hasArch = async () => (await api.inspectView('parity.drift')).flatMap((n) => n.children).some((i) => i.description?.startsWith('ARCH'));
  assert.equal(await hasArch(), false);
  fs.writeFileSync(yaml, 'targets:\n  prod: { os: debian12, arch: arm64, runtime: kubernetes }\n');
  await waitFor('an ARCH finding for the arm64 target', async () => ((await hasArch()) ? true : undefined), 20_000);
  fs.rmSync(yaml);
  await waitFor('the ARCH finding to go with the target', async () => ((await hasArch()) ? undefined : true), 20_000);
});
