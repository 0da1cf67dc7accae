// The few engine round-trips that commands, listeners and the public API share: detect a folder and
// remember it, plan a preview, check drift and publish it as Problems.
import * as vscode from './vscodeApi';
import type { DetectResult, Finding } from '../core/model';
import { detectFolder, driftFolder, generateFolder, type PlannedFile } from './engine';
import type { Services } from './services';
import { showFailure } from './messages';

export async function detectAndRemember(s: Services, folder: vscode.Uri): Promise<DetectResult> {
  const detected = await detectFolder(folder);
  s.state.setDetected(folder, detected);
  for (const w of detected.warnings) s.output.appendLine(`[detect] ${folder.fsPath}: ${w.file}: ${w.message}`);
  return detected;
}

export async function planFiles(s: Services, folder: vscode.Uri, detected?: DetectResult): Promise<PlannedFile[]> {
  return generateFolder(folder, detected ?? (await detectAndRemember(s, folder)), s.config.settings);
}

export async function checkDrift(s: Services, folder: vscode.Uri): Promise<Finding[]> {
  const findings = await driftFolder(folder, s.config.settings);
  s.state.setFindings(folder, findings);
  s.diagnostics.set(folder, findings);
  return findings;
}

/** The folder a command acts on: its Uri argument, else the only/picked workspace folder. */
export async function folderArgument(arg: unknown, placeHolder: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder });
  return picked?.uri;
}

/** Shows an error from the engine as a notification and logs it; never rethrows into VS Code. */
export function reportError(s: Services, what: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  s.output.appendLine(`[error] ${what}: ${err instanceof Error && err.stack ? err.stack : message}`);
  showFailure(s.output, `${what}: ${message.split('\n')[0]}${message.includes('\n') ? ` — ${message.split('\n').slice(1).map((l) => l.trim()).join(' ')}` : ''}`);
}

/** Detects every workspace folder and checks drift where a parity.yaml exists; problems are only logged. */
export async function firstLook(s: Services): Promise<void> {
  let apps = 0;
  for (const { uri } of vscode.workspace.workspaceFolders ?? []) {
    try {
      apps += (await detectAndRemember(s, uri)).apps.length;
      const hasTargets = (await vscode.workspace.findFiles(new vscode.RelativePattern(uri, 'parity.yaml'), null, 1)).length > 0;
      if (hasTargets) await checkDrift(s, uri);
    } catch (err) {
      s.output.appendLine(`[start] ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await vscode.commands.executeCommand('setContext', 'parity.noApp', apps === 0);
}
