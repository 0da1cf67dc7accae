// Status-bar item: the detected app(s), whether Parity's container runs, and the drift count. Click → sidebar.
import * as path from 'node:path';
import * as vscode from './vscodeApi';
import type { Services } from './services';
import { dockerName } from '../docker/labels';

/** What the status-bar item shows right now, as data (for the API's inspectStatusBar). */
export interface StatusBarSnapshot { visible: boolean; text: string; tooltip: string }

export function createStatusBar(s: Services): { disposables: vscode.Disposable[]; snapshot(): StatusBarSnapshot } {
  let visible = false;
  const item = vscode.window.createStatusBarItem('parity.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Parity';
  item.command = 'workbench.view.extension.parity';
  const render = () => {
    // An app seen from a workspace folder and from its own folder counts once.
    const byPath = new Map(s.state.all().flatMap((st) => (st.detected?.apps ?? []).map((a) => [path.join(st.folder.fsPath, a.path), a] as const)));
    const apps = [...byPath.values()];
    if (apps.length === 0) {
      item.hide();
      visible = false;
      return;
    }
    const findings = s.state.uniqueFindings();
    const drift = findings.length;
    const names = new Set(apps.map((a) => dockerName(a.name)));
    const running = s.containers.inWorkspace().filter((c) => c.role === 'app' && c.state === 'running' && names.has(c.app)).length;
    const name = apps.length === 1 ? apps[0].name : `${apps.length} apps`;
    item.text = `$(package) ${name}${running ? ` $(vm-running) ${running} running` : ''} ${drift ? `$(warning) ${drift}` : '$(check)'}`;
    item.tooltip = `Parity: ${apps.map((a) => `${a.name} (${a.ecosystem})`).join(', ')}\n${running} app container(s) running\n${drift} drift finding(s)`;
    item.backgroundColor = findings.some((f) => f.finding.severity === 'error') ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
    visible = true;
  };
  render();
  return {
    disposables: [item, s.state.onDidChange(render), s.containers.onDidList(render)],
    snapshot: () => ({ visible, text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '' }),
  };
}
