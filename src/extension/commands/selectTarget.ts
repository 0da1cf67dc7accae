// Picks the production target (from parity.yaml) that generation and drift compare against.
import * as vscode from '../vscodeApi';
import { projectConfigOf } from '../engine';
import { folderArgument } from '../workflows';
import type { ParityCommand } from './command';

export const selectTarget: ParityCommand = {
  id: 'parity.selectTarget',
  // `targetName` (optional) preselects the target without the QuickPick: for other tools, keybindings and tests.
  async run(s, arg, targetName?: unknown): Promise<string | undefined> {
    const folder = await folderArgument(arg, 'Folder whose parity.yaml lists the targets');
    if (!folder) return undefined;
    const config = await projectConfigOf(folder);
    if (typeof targetName === 'string') {
      if (targetName !== '' && !config.targets.some((t) => t.name === targetName)) {
        void vscode.window.showErrorMessage(`Parity: no target '${targetName}' in ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, 'parity.yaml'))} (targets: ${config.targets.map((t) => t.name).join(', ') || 'none'}).`);
        return undefined;
      }
      await s.config.setProductionTarget(targetName);
      await vscode.commands.executeCommand('parity.checkDrift', folder);
      return targetName;
    }
    const current = s.config.settings.productionTarget;
    const items: (vscode.QuickPickItem & { target: string })[] = [
      { label: 'parity.yaml default', description: config.defaultTarget ?? 'linux/amd64 on Debian 12 (assumed without parity.yaml)', target: '', picked: current === '' },
      ...config.targets.map((t) => ({ label: t.name, description: `${t.os} · ${t.arch} · ${t.runtime}`, detail: t.source, target: t.name, picked: t.name === current })),
    ];
    if (config.targets.length === 0) {
      items[0].detail = 'No parity.yaml targets: add `targets: { prod: { os: rhel9, arch: amd64, runtime: kubernetes } }` to parity.yaml.';
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: `Production target (now: ${current || 'default'})` });
    if (!picked) return undefined;
    await s.config.setProductionTarget(picked.target);
    await vscode.commands.executeCommand('parity.checkDrift', folder);
    return picked.target;
  },
};
