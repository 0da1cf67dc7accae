// The app a build/run command acts on: an Apps view node, a folder Uri, or the single/picked workspace folder.
import * as vscode from '../vscodeApi';
import { isNode } from '../views/nodes';
import { folderArgument } from '../workflows';

export interface AppTarget { folder: vscode.Uri; appPath?: string; label: string }

export async function appArgument(arg: unknown, placeHolder: string): Promise<AppTarget | undefined> {
  if (isNode(arg, 'app')) return { folder: arg.folder, appPath: arg.app.path, label: arg.app.name };
  const folder = await folderArgument(arg, placeHolder);
  return folder && { folder, label: vscode.workspace.asRelativePath(folder, true) };
}
