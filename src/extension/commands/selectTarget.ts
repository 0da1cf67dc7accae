// Picks the production target (from parity.yaml) that generation and drift compare against; without a
// parity.yaml it offers to create one. Says so when the pick switches the base-image family.
import * as vscode from '../vscodeApi';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { familyOf, projectConfigOf } from '../engine';
import { createProjectFile } from './createProjectFile';
import { folderArgument } from '../workflows';
import type { ParityCommand } from './command';

/** The QuickPick item that creates parity.yaml instead of naming a target. */
const CREATE = '\0create';

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
    const hasFile = fs.existsSync(path.join(folder.fsPath, 'parity.yaml'));
    if (!hasFile) items.push({ label: '$(new-file) Create parity.yaml…', description: 'pick the production OS and architecture', target: CREATE });
    else if (config.targets.length === 0) items[0].detail = 'parity.yaml lists no targets: add one under `targets:` (os, arch, runtime).';
    const picked = await vscode.window.showQuickPick(items, { placeHolder: `Production target (now: ${current || 'default'})` });
    if (!picked) return undefined;
    let chosen = picked.target;
    if (chosen === CREATE) {
      const created = await createProjectFile(folder);
      if (!created) return undefined;
      chosen = created.name;
    }
    const before = await familyOf(folder, s.config.settings);
    await s.config.setProductionTarget(chosen);
    const after = await familyOf(folder, s.config.settings);
    if (after !== before) void vscode.window.showInformationMessage(`Parity: generated Dockerfiles now use ${after} base images (they used ${before}). Containerize again to preview them.`);
    await vscode.commands.executeCommand('parity.checkDrift', folder);
    return chosen;
  },
};
