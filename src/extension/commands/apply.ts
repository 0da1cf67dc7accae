// Writes the previewed files (a whole session, or one file from the view). Refuses, writing nothing,
// when a target file changed on disk since the preview was made.
import * as vscode from '../vscodeApi';
import { applyFiles, type ApplyResult } from '../preview/apply';
import { closePreviewTabs } from '../preview/diffEditor';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';
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
    let result: ApplyResult;
    try {
      result = applyFiles(chosen);
    } catch (err) {
      reportError(s, 'apply', err);
      return undefined;
    }
    if (result.conflicts.length) {
      void vscode.window.showErrorMessage(`Parity: nothing written — changed on disk since the preview: ${result.conflicts.map((f) => f.path).join(', ')}. Run "Containerize…" again to review a fresh preview.`);
      return result;
    }
    for (const f of result.written) s.output.appendLine(`[apply] wrote ${f.absPath}`);
    const remaining = session.files.filter((f) => !chosen.includes(f) && f.status !== 'unchanged');
    if (remaining.length === 0) {
      await closePreviewTabs(session.id);
      s.previews.close(session.id);
    } else {
      s.previews.removeFiles(session.id, chosen);
    }
    void vscode.window.showInformationMessage(`Parity: wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'}.`);
    return result;
  },
};
