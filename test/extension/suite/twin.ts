// Production constraints in the editor: a Secret key the Deployment references and nothing provides is a
// Problem on its manifest line before anything runs; Build and Run of the web fixture runs it under its
// generated Deployment, the Containers view lists the constraints and live memory against the limit, and
// Stop opens the parity report as a page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { test } from './framework';
import { fixtureFolder, parity, waitFor } from './helpers';
import { requireEngine } from './docker';

const SECRET_APP: Record<string, string> = {
  'package.json': '{ "name": "needs-secret", "version": "1.0.0", "private": true, "scripts": { "start": "node server.js" } }\n',
  'server.js': "require('node:http').createServer((q, r) => r.end(process.env.DB_PASSWORD ? 'ok' : 'no')).listen(3000);\n",
  'deploy/k8s/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: needs-secret }',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: needs-secret',
    '          image: needs-secret:dev',
    '          env:',
    '            - name: DB_PASSWORD',
    '              valueFrom: { secretKeyRef: { name: needs-secret-secrets, key: DB_PASSWORD } }',
    '',
  ].join('\n'),
};

test('Build and Run: a Secret key with no value is a SECRET_KEY_MISSING Problem on the manifest line, before any build', async () => {
  await parity();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-twin-secret-'));
  try {
    for (const [rel, text] of Object.entries(SECRET_APP)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    assert.equal(await vscode.commands.executeCommand('parity.up', vscode.Uri.file(dir)), 1, 'up refuses');
    const manifest = vscode.Uri.file(path.join(dir, 'deploy', 'k8s', 'deployment.yaml'));
    const problem = await waitFor('the SECRET_KEY_MISSING problem', () => vscode.languages.getDiagnostics(manifest).find((d) => d.code === 'SECRET_KEY_MISSING'));
    assert.equal(problem.range.start.line, 10, 'on the env entry (line 11)');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /DB_PASSWORD has no value[\s\S]*Fix: Add DB_PASSWORD=… to \.env/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Run with Production Constraints: the Containers view shows the constraints and memory/limit; Stop opens the report page', async () => {
  await requireEngine();
  const api = await parity();
  const web = fixtureFolder('web');
  let stopped = false;
  try {
    assert.equal(await vscode.commands.executeCommand('parity.upProd', web), 0, 'parity up exits 0 (see the Parity output channel)');
    const item = await waitFor('the web container with its memory figure', async () =>
      (await api.inspectView('parity.containers')).find((c) => c.label === 'web' && /mem [\d.]+ MiB \/ 512 MiB/.test(c.description ?? '')), 30_000);
    const labels = (item.children ?? []).map((c) => c.label);
    assert.ok(labels.includes('read-only root (writable: /tmp)'), labels.join(' | '));
    assert.ok(labels.includes('caps drop ALL'), labels.join(' | '));
    assert.ok(labels.some((l) => /^limits memory 512Mi, cpu 500m$/.test(l)), labels.join(' | '));
    assert.equal(await vscode.commands.executeCommand('parity.down', web), 0);
    stopped = true;
    const page = await waitFor('the report page', () => vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().startsWith('# Parity report')));
    assert.match(page.getText(), /## web[\s\S]*\*\*Memory:\*\* peak [\d.]+ MiB of 512 MiB limit[\s\S]*\| readiness \| `[^`]+` \| ✅ ok/);
  } finally {
    if (!stopped) await vscode.commands.executeCommand('parity.down', web);
  }
}, { timeoutMs: 420_000 });
