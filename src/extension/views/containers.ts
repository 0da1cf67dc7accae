// Containers view: Parity-labelled containers with state and ports; inline start/stop/logs/open.
import * as vscode from '../vscodeApi';
import type { Containers } from '../containers';
import type { ContainerNode } from './nodes';

export class ContainersView implements vscode.TreeDataProvider<ContainerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContainerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly containers: Containers) {
    this.subscription = containers.onDidChange(() => this.changed.fire(undefined));
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

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
