// The app a build/run command acts on: an Apps view node, a folder Uri (a workspace member resolves to
// its workspace root with that app selected), or the single/picked workspace folder. With `pickApp`, a
// folder holding several apps asks which one instead of letting the CLI fail.
import * as vscode from '../vscodeApi';
import type { Services } from '../services';
import { scopeOf } from '../scope';
import { isNode } from '../views/nodes';
import { detectAndRemember, folderArgument } from '../workflows';

export interface AppTarget { folder: vscode.Uri; appPath?: string; label: string }

export async function appArgument(s: Services, arg: unknown, placeHolder: string, options: { pickApp?: boolean } = {}): Promise<AppTarget | undefined> {
  if (isNode(arg, 'app')) return { folder: arg.folder, appPath: arg.app.path, label: arg.app.name };
  const folder = await folderArgument(arg, placeHolder);
  if (!folder) return undefined;
  const scope = await scopeOf(s, folder);
  const label = vscode.workspace.asRelativePath(folder, true);
  if (scope.appPath !== undefined || !options.pickApp) return { folder: scope.root, appPath: scope.appPath, label };
  const apps = (s.state.get(folder).detected ?? (await detectAndRemember(s, folder))).apps;
  if (apps.length <= 1) return { folder, appPath: apps[0]?.path, label: apps[0]?.name ?? label };
  const picked = await vscode.window.showQuickPick(
    apps.map((a) => ({ label: a.name, description: `${a.ecosystem} · ${a.path}`, detail: a.port ? `port ${a.port.value}` : undefined, app: a })),
    { placeHolder: `${label} holds ${apps.length} apps: which one to build and run?` },
  );
  return picked && { folder, appPath: picked.app.path, label: picked.app.name };
}
