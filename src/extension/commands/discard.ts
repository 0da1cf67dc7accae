// Drops a preview without writing anything and closes its diff editors.
import * as vscode from '../vscodeApi';
import { closePreviewTabs } from '../preview/diffEditor';
import type { ParityCommand } from './command';
import { sessionArgument } from './sessionArgument';

export const discard: ParityCommand = {
  id: 'parity.discard',
  async run(s, arg): Promise<boolean> {
    const target = sessionArgument(s.previews, arg);
    if (!target) {
      void vscode.window.showInformationMessage('Parity: no preview to discard.');
      return false;
    }
    await closePreviewTabs(target.session.id);
    s.previews.close(target.session.id);
    return true;
  },
};
