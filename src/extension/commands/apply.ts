// Writes the previewed files (a whole session, or one file from the view), following the CLI's rules:
// new files and Parity's own unedited files are written; a file the user edited or Parity did not write
// is kept, and replaced only when applied on its own and confirmed. Refuses, writing nothing, when a
// target file changed on disk since the preview was made.
import * as vscode from '../vscodeApi';
import type { PlannedFile } from '../engine';
import { applyFiles, type ApplyResult } from '../preview/apply';
import { closePreviewTabs, openDiff } from '../preview/diffEditor';
import { PROTECTION_LABEL, protectionOf } from '../preview/protection';
import type { PreviewSession, PreviewSessions } from '../preview/sessions';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';
import { confirmReplace } from './confirmReplace';
import { sessionArgument } from './sessionArgument';

export const apply: ParityCommand = {
  id: 'parity.apply',
  async run(s, arg): Promise<ApplyResult | undefined> {
    const target = sessionArgument(s.previews, arg);
    if (!target) {
      void vscode.window.showInformationMessage('Parity: no preview to apply.');
      return undefined;
    }
    const { session } = target;
    const chosen = target.file ? [target.file] : session.files;
    const kept = chosen.filter((f) => protectionOf(f) !== undefined);
    // A protected file is replaced only when it was applied on its own and the user confirmed it.
    if (target.file && kept.length && (await confirmReplace(target.file))) kept.length = 0;
    let result: ApplyResult;
    try {
      result = { ...applyFiles(chosen, kept), kept };
    } catch (err) {
      reportError(s, 'apply', err);
      return undefined;
    }
    if (result.conflicts.length) {
      void vscode.window.showErrorMessage(`Parity: nothing written — changed on disk since the preview: ${result.conflicts.map((f) => f.path).join(', ')}. Run "Containerize…" again to review a fresh preview.`);
      return result;
    }
    for (const f of result.written) s.output.appendLine(`[apply] wrote ${f.absPath}`);
    for (const f of kept) s.output.appendLine(`[apply] kept ${f.absPath} (${describe(f)})`);
    await settleSession(s.previews, session, result.written);
    report(session, result);
    return result;
  },
};

/** Drops written files from the session; closes it (and its tabs) once nothing is left to review. */
async function settleSession(previews: PreviewSessions, session: PreviewSession, written: PlannedFile[]): Promise<void> {
  const remaining = session.files.filter((f) => !written.includes(f) && f.status !== 'unchanged');
  if (remaining.length === 0) {
    await closePreviewTabs(session.id);
    previews.close(session.id);
  } else {
    previews.removeFiles(session.id, written);
  }
}

function report(session: PreviewSession, result: ApplyResult): void {
  const wrote = `wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'}`;
  if (result.kept.length) {
    const list = result.kept.map((f) => `${f.path} (${describe(f)})`).join(', ');
    void vscode.window.showWarningMessage(`Parity: ${wrote}; kept ${list}. Review the diff and apply a kept file on its own to replace it.`, 'Review')
      .then((choice) => (choice ? openDiff(session, result.kept[0]) : undefined));
    return;
  }
  if (result.written.length === 0) return;
  void vscode.window.showInformationMessage(`Parity: ${wrote}.`, 'Build and Run')
    .then((choice) => (choice ? vscode.commands.executeCommand('parity.up', session.folder) : undefined));
}

function describe(f: PlannedFile): string {
  return PROTECTION_LABEL[protectionOf(f) ?? 'foreign'];
}
