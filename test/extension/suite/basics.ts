import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './framework';

test('runs inside a real VS Code 1.100 extension host with the fixture workspace open', () => {
  assert.match(vscode.version, /^1\.100\./);
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.equal(folders.length, 1);
  assert.ok(vscode.workspace.isTrusted, 'workspace trust is disabled in the test settings');
});
