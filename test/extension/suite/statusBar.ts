// The status-bar item: the detected apps and the drift count of the last check, read through the API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './framework';
import { fixtureFolder, parity } from './helpers';

test('the status bar shows the detected apps and the same drift count as the Drift view after Check Drift', async () => {
  const api = await parity();
  await vscode.commands.executeCommand('parity.refresh');
  await vscode.commands.executeCommand('parity.checkDrift', fixtureFolder('legacy'));
  const findings = (await api.inspectView('parity.drift')).flatMap((n) => n.children);
  assert.ok(findings.length > 0, 'legacy/ has drift');
  const bar = api.inspectStatusBar();
  assert.ok(bar.visible, 'shown once an app is detected');
  assert.match(bar.text, new RegExp(`\\$\\(warning\\) ${findings.length}$`), `drift count in '${bar.text}'`);
  assert.match(bar.tooltip, new RegExp(`^${findings.length} drift finding\\(s\\)$`, 'm'));
  for (const name of ['web', 'legacy']) assert.match(bar.tooltip, new RegExp(`\\b${name} \\(node\\)`), `${name} in '${bar.tooltip}'`);
});
