// Checks drift (static: project files vs the production target) for a folder, or every workspace folder,
// with a progress notification; findings go to Problems and the Drift view, whose message and a result
// notification say what came out ("3 findings against prod (rhel9)" / "No drift against prod").
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { Finding } from '../../core/model';
import { targetOf } from '../engine';
import type { Services } from '../services';
import { checkDrift as check, reportError } from '../workflows';
import type { ParityCommand } from './command';

export const checkDrift: ParityCommand = {
  id: 'parity.checkDrift',
  async run(s, arg): Promise<Finding[]> {
    const folders = arg instanceof vscode.Uri ? [arg] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    const all: Finding[] = [];
    let checked = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Parity: checking drift' }, async (progress) => {
      for (const folder of folders) {
        progress.report({ message: path.basename(folder.fsPath) });
        try {
          all.push(...(await check(s, folder)));
          checked++;
        } catch (err) {
          reportError(s, `drift check of ${path.basename(folder.fsPath)}`, err);
        }
      }
    });
    if (checked > 0) await announce(s, folders[0], all);
    return all;
  },
};

async function announce(s: Services, folder: vscode.Uri, findings: Finding[]): Promise<void> {
  const target = await targetOf(folder, s.config.settings).catch(() => undefined);
  const against = target ? `${target.name} (${target.os}, ${target.arch})` : 'the production target';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary = findings.length === 0
    ? `No drift against ${against}`
    : `${findings.length} finding${findings.length === 1 ? '' : 's'} against ${against}${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}`;
  s.state.setDriftSummary(`${summary} · checked ${new Date().toLocaleTimeString()}`);
  if (findings.length === 0) void vscode.window.showInformationMessage(`Parity: ${summary}.`);
  else void vscode.window.showWarningMessage(`Parity: ${summary}.`, 'Show Drift').then((c) => (c ? vscode.commands.executeCommand('parity.drift.focus') : undefined));
}
