// How engine and CLI failures reach an editor user (worded by wording.ts), with buttons that lead to
// the fix — Open Settings for parity.dockerHost, Docker's start-up help, Manage Workspace Trust.
import * as vscode from './vscodeApi';
import { editorWording } from './wording';

const DOCKER_HELP = 'https://docs.docker.com/engine/install/linux-postinstall/';

type Fix = 'Open Settings' | 'Start Docker Help' | 'Manage Workspace Trust' | 'Show Output';

/** Buttons that fix what the message says: an engine problem offers the Docker host setting and help. */
function fixesFor(message: string): Fix[] {
  if (/Docker engine|Docker socket|docker context|Docker host|DOCKER_HOST|parity\.dockerHost/i.test(message)) return ['Open Settings', 'Start Docker Help', 'Show Output'];
  if (/untrusted workspace/i.test(message)) return ['Manage Workspace Trust'];
  return ['Show Output'];
}

/** Shows an error with its fix buttons (not awaited: a notification resolves only when answered). */
export { failureLine } from './wording';

export function showFailure(output: vscode.OutputChannel, message: string): void {
  const text = editorWording(message);
  void vscode.window.showErrorMessage(`Parity: ${text}`, ...fixesFor(text)).then((choice) => runFix(output, choice));
}

export async function runFix(output: vscode.OutputChannel, choice: Fix | undefined): Promise<void> {
  if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'parity.dockerHost');
  else if (choice === 'Start Docker Help') await vscode.env.openExternal(vscode.Uri.parse(DOCKER_HELP));
  else if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
  else if (choice === 'Show Output') output.show();
}
