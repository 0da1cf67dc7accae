// Applies a drift finding's machine-applicable edits (Drift view inline action; the same edits the
// Problems quick fix offers), then re-checks the folder.
import * as vscode from '../vscodeApi';
import { workspaceEditFor } from '../diagnostics/quickFixes';
import { isNode } from '../views/nodes';
import type { ParityCommand } from './command';

export const applyFix: ParityCommand = {
  id: 'parity.applyFix',
  async run(_s, arg): Promise<boolean> {
    if (!isNode(arg, 'finding') || !arg.finding.fix.edits?.length) return false;
    const edit = await workspaceEditFor(arg.folder, arg.finding);
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok) return false;
    for (const [uri] of edit.entries()) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.save();
    await vscode.commands.executeCommand('parity.checkDrift', arg.folder);
    return ok;
  },
};
