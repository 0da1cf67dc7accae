// Keeps drift Problems current: a saved file re-checks the folder it belongs to (debounced, when the
// drift-on-save setting is on and the folder was checked before), and any parity.yaml change re-checks
// its folder because the production target may have changed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { checkDrift } from '../workflows';

const DEBOUNCE_MS = 400;

export function watchDrift(s: Services): vscode.Disposable[] {
  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (folder: vscode.Uri) => {
    const key = folder.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      checkDrift(s, folder).catch((err: unknown) => s.output.appendLine(`[drift] ${folder.fsPath}: ${err instanceof Error ? err.message : String(err)}`));
    }, DEBOUNCE_MS));
  };
  const onSave = vscode.workspace.onDidSaveTextDocument((doc) => {
    if (!s.config.settings.driftOnSave || doc.uri.scheme !== 'file') return;
    const folder = checkedFolderOf(s, doc.uri);
    if (folder) schedule(folder);
  });
  const watcher = vscode.workspace.createFileSystemWatcher('**/parity.yaml');
  const onYaml = (uri: vscode.Uri) => {
    const folder = checkedFolderOf(s, uri) ?? vscode.workspace.getWorkspaceFolder(uri)?.uri;
    if (folder) schedule(folder);
  };
  return [
    onSave, watcher, watcher.onDidChange(onYaml), watcher.onDidCreate(onYaml), watcher.onDidDelete(onYaml),
    { dispose: () => { for (const t of timers.values()) clearTimeout(t); timers.clear(); } },
  ];
}

/** The deepest folder that was drift-checked before and holds the file. */
function checkedFolderOf(s: Services, file: vscode.Uri): vscode.Uri | undefined {
  const inside = s.state.all().filter((st) => st.findings && isInside(file.fsPath, st.folder.fsPath));
  inside.sort((a, b) => b.folder.fsPath.length - a.folder.fsPath.length);
  return inside[0]?.folder;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
