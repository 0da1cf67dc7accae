// Drift view: findings grouped by severity; clicking a finding opens its first file evidence.
import * as vscode from '../vscodeApi';
import type { Severity } from '../../core/model';
import type { ParityState } from '../state';
import type { FindingNode, SeverityNode } from './nodes';
import { RefreshingView } from './refreshingView';

type Node = SeverityNode | FindingNode;

const ORDER: Severity[] = ['error', 'warning', 'info'];
const ICON: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export class DriftView extends RefreshingView<Node> implements vscode.TreeDataProvider<Node> {
  constructor(private readonly state: ParityState) {
    super(state.onDidChange);
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'severity' ? node.findings.map(({ folder, finding }) => ({ kind: 'finding', folder, finding })) : [];
    const all = this.state.uniqueFindings();
    return ORDER.map((severity): SeverityNode => ({ kind: 'severity', severity, findings: all.filter((f) => f.finding.severity === severity) }))
      .filter((n) => n.findings.length > 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'severity') {
      const item = new vscode.TreeItem(`${node.severity} (${node.findings.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(ICON[node.severity]);
      item.contextValue = 'parity.severity';
      return item;
    }
    const { finding } = node;
    const item = new vscode.TreeItem(finding.title, vscode.TreeItemCollapsibleState.None);
    const where = finding.evidence[0];
    item.description = `${finding.id}${where ? ' · ' + ('file' in where ? `${where.file}${where.line ? ':' + where.line : ''}` : `${where.image}:${where.path}`) : ''}`;
    item.tooltip = new vscode.MarkdownString(`**${finding.id}** — ${finding.message}\n\n*Fix:* ${finding.fix.text}`);
    item.iconPath = new vscode.ThemeIcon(ICON[finding.severity]);
    item.contextValue = finding.fix.edits?.length ? 'parity.finding.fixable' : 'parity.finding';
    item.command = { command: 'parity.openEvidence', title: 'Open evidence', arguments: [node] };
    return item;
  }
}

