// Containers view: Parity-labelled containers with state and ports; inline start/stop/logs/open.
import * as vscode from '../vscodeApi';
import type { Containers } from '../containers';
import type { ContainerNode } from './nodes';
import { RefreshingView } from './refreshingView';

export class ContainersView extends RefreshingView<ContainerNode> implements vscode.TreeDataProvider<ContainerNode> {
  constructor(private readonly containers: Containers) {
    super(containers.onDidChange);
  }

  async getChildren(node?: ContainerNode): Promise<ContainerNode[]> {
    if (node) return [];
    return (await this.containers.list()).map((container) => ({ kind: 'container', container }));
  }

  getTreeItem({ container }: ContainerNode): vscode.TreeItem {
    const item = new vscode.TreeItem(container.app || container.name, vscode.TreeItemCollapsibleState.None);
    const ports = container.ports.map((p) => `${p.hostIp}:${p.hostPort}→${p.containerPort}`).join(', ');
    item.description = [container.state, ports].filter(Boolean).join(' · ');
    item.tooltip = `${container.name}\n${container.status}${ports ? `\nports: ${ports}` : ''}\nproject: ${container.project} (${container.role})`;
    const running = container.state === 'running';
    item.iconPath = new vscode.ThemeIcon(running ? 'vm-running' : 'vm-outline');
    item.contextValue = `parity.container.${running ? 'running' : 'stopped'}${running && container.ports.length ? '.web' : ''}`;
    return item;
  }
}
