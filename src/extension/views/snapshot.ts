// Renders a tree provider into plain data (what a user sees: labels, descriptions, tooltips, menus'
// contextValues), for the API's `inspectView` — used by tests and by extensions that embed Parity's views.
import * as vscode from '../vscodeApi';

export interface TreeSnapshot {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  command?: string;
  children: TreeSnapshot[];
}

export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, depth = 3, parent?: T): Promise<TreeSnapshot[]> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  const out: TreeSnapshot[] = [];
  for (const node of nodes) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    out.push({
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      tooltip,
      contextValue: item.contextValue,
      command: item.command?.command,
      children: depth > 1 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None ? await snapshotTree(provider, depth - 1, node) : [],
    });
  }
  return out;
}
