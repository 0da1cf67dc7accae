// Status-bar item: the detected app(s), whether Parity's container runs, and the drift count. Click → sidebar.
import * as vscode from 'vscode';
import type { Services } from './services';

export function createStatusBar(s: Services): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('parity.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Parity';
  item.command = 'workbench.view.extension.parity';
  const render = () => {
    const apps = s.state.all().flatMap((st) => st.detected?.apps ?? []);
    if (apps.length === 0) {
      item.hide();
      return;
    }
    const drift = s.state.findingCount();
    const running = s.containers.last.filter((c) => c.role === 'app' && c.state === 'running').length;
    const name = apps.length === 1 ? apps[0].name : `${apps.length} apps`;
    item.text = `$(package) ${name}${running ? ` $(vm-running) ${running} running` : ''} ${drift ? `$(warning) ${drift}` : '$(check)'}`;
    item.tooltip = `Parity: ${apps.map((a) => `${a.name} (${a.ecosystem})`).join(', ')}\n${running} app container(s) running\n${drift} drift finding(s)`;
    item.backgroundColor = s.state.all().some((st) => st.findings?.some((f) => f.severity === 'error')) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  render();
  return [item, s.state.onDidChange(render), s.containers.onDidList(render)];
}
