// Containers view: Parity-labelled containers of this workspace's projects with state and ports; those
// of other checkouts under a collapsed "Other projects". Expanding a container shows its details; its
// context menu restarts, stops, removes, attaches a shell, follows logs, inspects or opens it.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import { inThisWorkspace, type Containers } from '../containers';
import type { ConstraintNode, ContainerDetailNode, ContainerNode, ContainerSummary, OtherProjectsNode } from './nodes';
import { memoryText } from '../twin/constraintsView';
import { RefreshingView } from './refreshingView';

type Node = ContainerNode | OtherProjectsNode | ContainerDetailNode | ConstraintNode;

export class ContainersView extends RefreshingView<Node> implements vscode.TreeDataProvider<Node> {
  constructor(private readonly containers: Containers) {
    super(containers.onDidChange);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'otherProjects') return node.containers.map((container) => ({ kind: 'container', container }));
    if (node?.kind === 'container') return [...(node.container.constraints ?? []).map((label): ConstraintNode => ({ kind: 'constraint', label })), ...detailsOf(node.container)];
    if (node) return [];
    const all = await this.containers.list();
    const mine: Node[] = all.filter(inThisWorkspace).map((container) => ({ kind: 'container', container }));
    const others = all.filter((c) => !inThisWorkspace(c));
    return others.length ? [...mine, { kind: 'otherProjects', containers: others }] : mine;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'constraint') {
      const leaf = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      leaf.iconPath = new vscode.ThemeIcon('shield');
      leaf.contextValue = 'parity.constraint';
      return leaf;
    }
    if (node.kind === 'otherProjects') {
      const item = new vscode.TreeItem('Other projects', vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.containers.length} container${node.containers.length === 1 ? '' : 's'}`;
      item.tooltip = 'Parity containers started from folders outside this workspace';
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'parity.otherProjects';
      return item;
    }
    if (node.kind === 'containerDetail') {
      const item = new vscode.TreeItem(`${node.label}: ${node.value}`, vscode.TreeItemCollapsibleState.None);
      item.tooltip = node.value;
      item.contextValue = 'parity.containerDetail';
      return item;
    }
    const { container } = node;
    const mine = inThisWorkspace(container);
    const item = new vscode.TreeItem(container.app || container.name, vscode.TreeItemCollapsibleState.Collapsed);
    const ports = portsText(container);
    const where = mine ? '' : container.root ? path.basename(container.root) : container.project;
    item.description = [container.state, ports, memoryText(container.memory), where].filter(Boolean).join(' · ');
    item.tooltip = `${container.name}\n${container.status}${ports ? `\nports: ${ports}` : ''}\nproject: ${container.project} (${container.role})${container.root ? `\nfolder: ${container.root}` : ''}`;
    const running = container.state === 'running';
    item.iconPath = new vscode.ThemeIcon(running ? 'vm-running' : 'vm-outline', running ? new vscode.ThemeColor('testing.iconPassed') : undefined);
    item.contextValue = `parity.container.${running ? 'running' : 'stopped'}${running && container.ports.length ? '.web' : ''}`;
    return item;
  }
}

function portsText(c: ContainerSummary): string {
  return c.ports.map((p) => `${p.hostIp}:${p.hostPort}→${p.containerPort}`).join(', ');
}

function detailsOf(container: ContainerSummary): ContainerDetailNode[] {
  const rows: [string, string][] = [
    ['status', container.status],
    ['image', container.image],
    ['ports', portsText(container) || 'none published'],
    ['role', container.role],
    ['project', container.project],
    ['folder', container.root || 'unknown'],
    ['created', new Date(container.created * 1000).toLocaleString()],
    ['id', container.id.slice(0, 12)],
  ];
  return rows.map(([label, value]) => ({ kind: 'containerDetail', container, label, value }));
}
