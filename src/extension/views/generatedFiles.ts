// Generated files view: the open preview sessions and their files, marked new / changed / unchanged
// against the working tree. Clicking a file opens its diff.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { PreviewSessions } from '../preview/sessions';
import type { GeneratedFileNode, SessionNode } from './nodes';
import { RefreshingView } from './refreshingView';

type Node = SessionNode | GeneratedFileNode;

const ICONS = { new: 'diff-added', changed: 'diff-modified', unchanged: 'check' } as const;

export class GeneratedFilesView extends RefreshingView<Node> implements vscode.TreeDataProvider<Node> {
  constructor(private readonly previews: PreviewSessions) {
    super(previews.onDidChange);
  }

  getChildren(node?: Node): Node[] {
    const sessions = this.previews.all();
    if (!node) {
      if (sessions.length === 1) return filesOf(sessions[0].id, this.previews);
      return sessions.map((s) => ({ kind: 'session', sessionId: s.id, folder: s.folder }));
    }
    return node.kind === 'session' ? filesOf(node.sessionId, this.previews) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'session') {
      const item = new vscode.TreeItem(path.basename(node.folder.fsPath), vscode.TreeItemCollapsibleState.Expanded);
      item.description = 'preview';
      item.contextValue = 'parity.previewSession';
      return item;
    }
    const { file } = node;
    const item = new vscode.TreeItem(file.path, vscode.TreeItemCollapsibleState.None);
    item.description = file.status;
    item.iconPath = new vscode.ThemeIcon(ICONS[file.status]);
    item.tooltip = `${file.absPath}\n${file.status === 'new' ? 'new file' : file.status === 'changed' ? 'differs from the file on disk' : 'same as the file on disk'}`;
    item.contextValue = `parity.generatedFile.${file.status}`;
    item.command = { command: 'parity.preview', title: 'Show diff', arguments: [node] };
    return item;
  }
}

function filesOf(sessionId: string, previews: PreviewSessions): GeneratedFileNode[] {
  return (previews.get(sessionId)?.files ?? []).map((file) => ({ kind: 'generatedFile', sessionId, file }));
}
