// Opens a generated file in the diff editor: the file on disk (or an empty side for a new file) on the
// left, Parity's version on the right. Closes a session's preview tabs on Apply/Discard.
import * as vscode from '../vscodeApi';
import type { PlannedFile } from '../engine';
import type { PreviewSession } from './sessions';
import { parsePreviewUri, previewUri } from './uris';

export async function openDiff(session: PreviewSession, file: PlannedFile, preserveFocus = false): Promise<void> {
  const left = file.diskContent === undefined ? previewUri(file.absPath, session.id, 'empty') : vscode.Uri.file(file.absPath);
  const right = previewUri(file.absPath, session.id);
  const label = `${file.path} (Parity preview: ${file.status})`;
  await vscode.commands.executeCommand('vscode.diff', left, right, label, { preview: false, preserveFocus });
}

/** The generated file shown in the active editor, if it is a Parity preview. */
export function activePreviewTarget(): { sessionId: string; absPath: string } | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const parsed = uri && parsePreviewUri(uri);
  return parsed ? { sessionId: parsed.sessionId, absPath: parsed.absPath } : undefined;
}

export async function closePreviewTabs(sessionId: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => {
    const input = tab.input;
    const uri = input instanceof vscode.TabInputTextDiff ? input.modified : input instanceof vscode.TabInputText ? input.uri : undefined;
    return uri ? parsePreviewUri(uri)?.sessionId === sessionId : false;
  });
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

