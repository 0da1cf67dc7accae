// Build/run commands refuse in an untrusted workspace: the manifest's `enablement: isWorkspaceTrusted` hides
// them from menus, but other extensions can still call executeCommand directly.
import * as vscode from '../vscodeApi';

export function workspaceTrusted(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showErrorMessage(`Parity: ${what} is disabled in Restricted Mode: trust this workspace to build and run containers.`, 'Manage Workspace Trust')
    .then((choice) => (choice ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return false;
}
