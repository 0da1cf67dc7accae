// The explicit per-file confirmation before Apply replaces a file the user edited or Parity did not
// write. A QuickPick rather than a modal: it names what is lost, and Escape keeps the file.
import * as vscode from '../vscodeApi';
import type { PlannedFile } from '../engine';
import { PROTECTION_LABEL, protectionOf } from '../preview/protection';

export async function confirmReplace(file: PlannedFile): Promise<boolean> {
  const protection = protectionOf(file);
  if (!protection) return true;
  const replace: vscode.QuickPickItem = {
    label: `$(warning) Replace ${file.path}`,
    detail: protection === 'edited' ? 'Your edits since Parity generated it are lost.' : 'The file on disk was not written by Parity; its content is lost.',
  };
  const keep: vscode.QuickPickItem = { label: 'Keep the file on disk', detail: 'Nothing is written.' };
  const picked = await vscode.window.showQuickPick([keep, replace], {
    title: `${file.path} is ${PROTECTION_LABEL[protection]}`,
    placeHolder: `Replace ${file.path} with Parity's version?`,
  });
  return picked === replace;
}
