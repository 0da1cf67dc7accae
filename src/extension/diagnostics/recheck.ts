// Keeps drift Problems current: a saved file re-checks the checked folders holding it (debounced, when
// the drift-on-save setting is on), and any parity.yaml change re-checks, because the production target
// may have changed.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
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
    for (const folder of checkedFoldersOf(s, doc.uri)) schedule(folder);
  });
  const watcher = vscode.workspace.createFileSystemWatcher('**/parity.yaml');
  const onYaml = (uri: vscode.Uri) => {
    const checked = checkedFoldersOf(s, uri);
    const folders = checked.length ? checked : [vscode.workspace.getWorkspaceFolder(uri)?.uri].filter((f): f is vscode.Uri => f !== undefined);
    for (const folder of folders) schedule(folder);
  };
  return [
    onSave, watcher, watcher.onDidChange(onYaml), watcher.onDidCreate(onYaml), watcher.onDidDelete(onYaml),
    { dispose: () => { for (const t of timers.values()) clearTimeout(t); timers.clear(); } },
  ];
}

/** Every folder that was drift-checked before and holds the file (a workspace and an app inside it). */
function checkedFoldersOf(s: Services, file: vscode.Uri): vscode.Uri[] {
  return s.state.all().filter((st) => st.findings && isInside(file.fsPath, st.folder.fsPath)).map((st) => st.folder);
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
