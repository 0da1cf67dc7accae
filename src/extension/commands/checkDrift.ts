// Checks drift (static: project files vs the production target) for a folder, or every workspace folder,
// and shows findings as Problems and in the Drift view.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { Finding } from '../../core/model';
import { checkDrift as check, reportError } from '../workflows';
import type { ParityCommand } from './command';

export const checkDrift: ParityCommand = {
  id: 'parity.checkDrift',
  async run(s, arg): Promise<Finding[]> {
    const folders = arg instanceof vscode.Uri ? [arg] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    const all: Finding[] = [];
    for (const folder of folders) {
      try {
        all.push(...(await check(s, folder)));
      } catch (err) {
        reportError(s, `drift check of ${path.basename(folder.fsPath)}`, err);
      }
    }
    return all;
  },
};
