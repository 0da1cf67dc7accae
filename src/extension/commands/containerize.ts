// Right-click a folder → detect → generate → the preview opens as a diff; nothing is written yet. A
// workspace member is containerized within its workspace (see scope.ts).
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import { openDiff } from '../preview/diffEditor';
import type { PreviewSession } from '../preview/sessions';
import { planScope, scopeOf } from '../scope';
import { detectAndRemember, folderArgument, reportError } from '../workflows';
import type { ParityCommand } from './command';

export const containerize: ParityCommand = {
  id: 'parity.containerize',
  async run(s, arg): Promise<PreviewSession | undefined> {
    const folder = await folderArgument(arg, 'Folder to containerize');
    if (!folder) {
      void vscode.window.showInformationMessage('Parity: open a folder to containerize first.');
      return undefined;
    }
    try {
      const scope = await scopeOf(s, folder);
      const detected = await detectAndRemember(s, scope.root);
      if (detected.apps.length === 0) {
        void vscode.window.showWarningMessage(`Parity: no deployable app found in ${path.basename(folder.fsPath)} (looked for package.json, pyproject.toml, go.mod, pom.xml, Cargo.toml, index.html…).`);
        return undefined;
      }
      const files = await planScope(s, scope, detected);
      const session = s.previews.open(scope.root, files, scope.appPath);
      const first = files.find((f) => f.status !== 'unchanged');
      if (first) await openDiff(session, first);
      else void vscode.window.showInformationMessage('Parity: the generated files match what is on disk.');
      await vscode.commands.executeCommand('parity.generatedFiles.focus');
      return session;
    } catch (err) {
      reportError(s, `containerize ${path.basename(folder.fsPath)}`, err);
      return undefined;
    }
  },
};
