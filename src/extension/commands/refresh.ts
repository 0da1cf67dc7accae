// Re-detects every known folder (workspace folders and folders containerized before) and re-lists containers.
import * as vscode from '../vscodeApi';
import { detectAndRemember, reportError } from '../workflows';
import type { ParityCommand } from './command';

export const refresh: ParityCommand = {
  id: 'parity.refresh',
  async run(s): Promise<number> {
    const known = new Map<string, vscode.Uri>();
    for (const f of vscode.workspace.workspaceFolders ?? []) known.set(f.uri.toString(), f.uri);
    for (const st of s.state.all()) known.set(st.folder.toString(), st.folder);
    let apps = 0;
    for (const folder of known.values()) {
      try {
        apps += (await detectAndRemember(s, folder)).apps.length;
      } catch (err) {
        reportError(s, `detect ${folder.fsPath}`, err);
      }
    }
    await vscode.commands.executeCommand('setContext', 'parity.noApp', apps === 0);
    s.containers.refresh();
    return apps;
  },
};
