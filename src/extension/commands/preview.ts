// Shows a generated file (or the first changed file of the last preview) as a diff against disk.
import * as vscode from '../vscodeApi';
import { openDiff } from '../preview/diffEditor';
import type { ParityCommand } from './command';
import { sessionArgument } from './sessionArgument';

export const preview: ParityCommand = {
  id: 'parity.preview',
  async run(s, arg) {
    if (arg instanceof vscode.Uri && arg.scheme === 'file') return vscode.commands.executeCommand('parity.containerize', arg);
    const target = sessionArgument(s.previews, arg);
    if (!target) {
      void vscode.window.showInformationMessage('Parity: nothing to preview. Run "Containerize…" on a folder first.');
      return;
    }
    const file = target.file ?? target.session.files.find((f) => f.status !== 'unchanged') ?? target.session.files[0];
    if (file) await openDiff(target.session, file);
  },
};
