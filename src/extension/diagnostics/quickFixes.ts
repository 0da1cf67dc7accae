// Quick fixes for Parity diagnostics: a finding's machine-applicable edits become one WorkspaceEdit.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { Finding, TextEdit } from '../../core/model';
import type { DriftDiagnostics } from './driftDiagnostics';

export class DriftQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: DriftDiagnostics) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const { finding, root, diagnostic } of this.diagnostics.findingsAt(document.uri, context.diagnostics)) {
      if (!finding.fix.edits?.length) continue;
      const action = new vscode.CodeAction(`Parity: ${finding.fix.text}`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = await workspaceEditFor(root, finding);
      actions.push(action);
    }
    return actions;
  }
}

/** A finding's edits (1-based lines, relative paths) as a WorkspaceEdit; a missing file is created. */
export async function workspaceEditFor(root: vscode.Uri, finding: Finding): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  const byFile = new Map<string, TextEdit[]>();
  for (const e of finding.fix.edits ?? []) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const uri = vscode.Uri.file(path.join(root.fsPath, ...file.split('/')));
    let document: vscode.TextDocument | undefined;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      edit.createFile(uri, { ignoreIfExists: true });
    }
    for (const e of edits) {
      const lineCount = document?.lineCount ?? 0;
      const line = e.line - 1;
      if (e.insert || line >= lineCount) {
        const text = e.newText.endsWith('\n') ? e.newText : e.newText + '\n';
        const at = line >= lineCount ? endPosition(document) : new vscode.Position(line, 0);
        // Appending after a last line without a newline needs one first.
        const lead = line >= lineCount && document && document.lineCount > 0 && document.lineAt(document.lineCount - 1).text !== '' ? '\n' : '';
        edit.insert(uri, at, lead + text);
      } else {
        edit.replace(uri, document!.lineAt(line).range, e.newText.replace(/\n$/, ''));
      }
    }
  }
  return edit;
}

function endPosition(document: vscode.TextDocument | undefined): vscode.Position {
  if (!document || document.lineCount === 0) return new vscode.Position(0, 0);
  const last = document.lineAt(document.lineCount - 1);
  return last.range.end;
}
