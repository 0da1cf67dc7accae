// Apps view: each detected app and its facts. A fact's tooltip is its source; clicking it opens the source.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { AppProfile, Fact } from '../../core/model';
import type { ParityState } from '../state';
import type { AppNode, FactNode, FolderNode } from './nodes';
import { RefreshingView } from './refreshingView';

type Node = FolderNode | AppNode | FactNode;

export class AppsView extends RefreshingView<Node> implements vscode.TreeDataProvider<Node> {
  constructor(private readonly state: ParityState) {
    super(state.onDidChange);
  }

  getChildren(node?: Node): Node[] {
    // A folder containerized inside a detected workspace folder is already covered by the outer detection.
    const all = this.state.all().filter((s) => s.detected);
    const detected = all.filter((s) => !all.some((o) => o !== s && isInside(s.folder.fsPath, o.folder.fsPath)));
    if (!node) {
      if (detected.length === 1) return appsOf(detected[0].folder, detected[0].detected!.apps);
      return detected.map((s) => ({ kind: 'folder', folder: s.folder }));
    }
    if (node.kind === 'folder') return appsOf(node.folder, this.state.get(node.folder).detected?.apps ?? []);
    if (node.kind === 'app') return factsOf(node.folder, node.app);
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(path.basename(node.folder.fsPath), vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = node.folder;
      item.contextValue = 'parity.folder';
      return item;
    }
    if (node.kind === 'app') {
      const item = new vscode.TreeItem(node.app.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.app.ecosystem} · ${node.app.path}`;
      item.iconPath = new vscode.ThemeIcon('package');
      item.contextValue = 'parity.app';
      item.tooltip = `${node.app.name} (${node.app.ecosystem}) in ${path.join(node.folder.fsPath, node.app.path)}`;
      return item;
    }
    const item = new vscode.TreeItem(`${node.label}: ${node.value}`, vscode.TreeItemCollapsibleState.None);
    item.tooltip = `source: ${node.source}`;
    item.description = node.source;
    item.contextValue = 'parity.fact';
    item.command = { command: 'parity.openSource', title: 'Open source', arguments: [node] };
    return item;
  }
}

function appsOf(folder: vscode.Uri, apps: AppProfile[]): AppNode[] {
  return apps.map((app) => ({ kind: 'app', folder, app }));
}

function factsOf(folder: vscode.Uri, app: AppProfile): FactNode[] {
  const facts: FactNode[] = [];
  const add = (label: string, f: Fact<unknown> | null | undefined) => {
    if (f) facts.push({ kind: 'fact', folder, app, label, value: String(f.value), source: f.source });
  };
  add('runtime', app.runtimeVersion);
  add('package manager', app.packageManager);
  add('framework', app.framework);
  add('build', app.build);
  add('start', app.start);
  add('port', app.port);
  add('health path', app.healthPath);
  for (const s of app.services) add('service', s);
  for (const e of app.env) facts.push({ kind: 'fact', folder, app, label: 'env', value: e.name + (e.secret ? ' (secret)' : ''), source: e.source });
  for (const n of app.nativeDeps) facts.push({ kind: 'fact', folder, app, label: 'native', value: n.package, source: n.source });
  return facts;
}


function isInside(dir: string, ancestor: string): boolean {
  const rel = path.relative(ancestor, dir);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
