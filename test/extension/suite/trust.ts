// Workspace trust: what the manifest declares. The suite runs with trust disabled (workspace trusted), so the
// commands' own refusal in an untrusted workspace is not exercised here; only the declarations are checked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './framework';
import { EXTENSION_ID } from './helpers';

test('manifest: limited untrusted-workspace support, and Build and Run / Stop / Logs enabled only when isWorkspaceTrusted', () => {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.match(untrusted.description, /build or run/);
  assert.ok(untrusted.restrictedConfigurations.includes('parity.dockerHost'), 'the Docker host setting is ignored from untrusted workspace settings');
  const commands = new Map<string, { enablement?: string }>(pkg.contributes.commands.map((c: { command: string; enablement?: string }) => [c.command, c]));
  for (const id of ['parity.up', 'parity.down', 'parity.logs', 'parity.startContainer', 'parity.stopContainer']) {
    assert.match(commands.get(id)?.enablement ?? '', /\bisWorkspaceTrusted\b/, `${id} is disabled in untrusted workspaces`);
  }
  for (const id of ['parity.containerize', 'parity.checkDrift', 'parity.selectTarget']) {
    assert.doesNotMatch(commands.get(id)?.enablement ?? '', /isWorkspaceTrusted/, `${id} stays available in untrusted workspaces`);
  }
});
