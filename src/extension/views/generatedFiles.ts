// Generated files view: the open preview sessions and their files, marked new / changed / unchanged
// against the working tree, and "edited by you" / "not written by Parity" where Apply keeps the file on
// disk unless it is confirmed one by one. A session with several apps groups its files by app. Clicking a
// file opens its preview.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { PlannedFile } from '../engine';
import type { PreviewSessions } from '../preview/sessions';
import { PROTECTION_LABEL, protectionOf } from '../preview/protection';
import type { AppGroupNode, GeneratedFileNode, SessionNode } from './nodes';
import { RefreshingView } from './refreshingView';

type Node = SessionNode | AppGroupNode | GeneratedFileNode;

const ICONS = { new: 'diff-added', changed: 'diff-modified', unchanged: 'check' } as const;
const STATUS_TEXT = { new: 'new file', changed: 'differs from the file on disk', unchanged: 'same as the file on disk' } as const;
/** Files that belong to no app (the root compose.yaml) are grouped under this label. */
const SHARED = 'shared';

export class GeneratedFilesView extends RefreshingView<Node> implements vscode.TreeDataProvider<Node> {
  constructor(private readonly previews: PreviewSessions) {
    super(previews.onDidChange);
  }

  getChildren(node?: Node): Node[] {
    const sessions = this.previews.all();
    if (!node) {
      if (sessions.length === 1) return this.sessionChildren(sessions[0].id);
      return sessions.map((s) => ({ kind: 'session', sessionId: s.id, folder: s.folder }));
    }
    if (node.kind === 'session') return this.sessionChildren(node.sessionId);
    if (node.kind === 'appGroup') return this.filesOf(node.sessionId).filter((f) => appOf(f.file) === node.app);
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'session') {
      const session = this.previews.get(node.sessionId);
      const item = new vscode.TreeItem(session?.appPath ?? path.basename(node.folder.fsPath), vscode.TreeItemCollapsibleState.Expanded);
      item.description = session?.appPath ? `preview in ${path.basename(node.folder.fsPath)}` : 'preview';
      item.tooltip = node.folder.fsPath;
      item.contextValue = 'parity.previewSession';
      return item;
    }
    if (node.kind === 'appGroup') {
      const item = new vscode.TreeItem(node.app, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(node.app === SHARED ? 'files' : 'package');
      item.contextValue = 'parity.generatedApp';
      return item;
    }
    const { file } = node;
    const protection = protectionOf(file);
    const item = new vscode.TreeItem(file.path, vscode.TreeItemCollapsibleState.None);
    item.description = protection ? `${file.status} · ${PROTECTION_LABEL[protection]}` : file.status;
    item.iconPath = new vscode.ThemeIcon(protection ? 'warning' : ICONS[file.status]);
    item.tooltip = `${file.absPath}\n${STATUS_TEXT[file.status]}${protection ? `\n${PROTECTION_LABEL[protection]}: "Apply" keeps it; apply this file on its own to replace it after confirming` : ''}`;
    item.contextValue = `parity.generatedFile.${protection ?? file.status}`;
    item.command = { command: 'parity.preview', title: 'Show preview', arguments: [node] };
    return item;
  }

  private sessionChildren(sessionId: string): Node[] {
    const files = this.filesOf(sessionId);
    const apps = [...new Set(files.map((f) => appOf(f.file)))];
    if (apps.filter((a) => a !== SHARED).length <= 1) return files;
    return apps.map((app) => ({ kind: 'appGroup', sessionId, app }));
  }

  private filesOf(sessionId: string): GeneratedFileNode[] {
    return (this.previews.get(sessionId)?.files ?? []).map((file) => ({ kind: 'generatedFile', sessionId, file }));
  }
}

function appOf(file: PlannedFile): string {
  return file.app === undefined ? SHARED : file.app === '.' || file.app === '' ? '(root)' : file.app;
}
