// Where a folder the user picked belongs. A workspace member (an app the enclosing workspace folder's
// detection lists at that path, whose build needs the workspace root as context: its lockfile and shared
// packages live there) is containerized and run from the workspace root with that app selected — the same
// files as containerizing the root. Any other folder stands on its own.
// The root is found from the workspace folder's own detection, so a monorepo nested in it works too.
import * as path from 'node:path';
import * as vscode from './vscodeApi';
import type { DetectResult } from '../core/model';
import type { PlannedFile } from './engine';
import type { Services } from './services';
import { detectAndRemember, planFiles } from './workflows';

export interface AppScope {
  /** Folder detection and generation run from (the workspace root for a member). */
  root: vscode.Uri;
  /** The member's path relative to root; undefined: every app under root. */
  appPath?: string;
}

export async function scopeOf(s: Services, folder: vscode.Uri): Promise<AppScope> {
  const workspace = vscode.workspace.getWorkspaceFolder(folder)?.uri;
  if (!workspace || workspace.toString() === folder.toString()) return { root: folder };
  const rel = posix(path.relative(workspace.fsPath, folder.fsPath));
  const detected = await detectAndRemember(s, workspace);
  if (!detected.apps.some((a) => a.path === rel)) return { root: folder };
  // The Dockerfile's build context says which folder the member needs: its own (it stands alone) or the
  // root of the monorepo holding it, which may itself sit below the workspace folder.
  const files = await planFiles(s, workspace, onlyApp(detected, rel));
  const context = files.find((f) => f.kind === 'dockerfile' && f.app === rel)?.buildContext ?? rel;
  if (context === rel || (context !== '' && !rel.startsWith(context + '/'))) return { root: folder };
  const root = context === '' ? workspace : vscode.Uri.joinPath(workspace, ...context.split('/'));
  return { root, appPath: posix(path.relative(root.fsPath, folder.fsPath)) };
}

const posix = (p: string) => p.split(path.sep).join('/');

/** A detection narrowed to the app at `appPath` (the CLI's `--app`). */
export function onlyApp(detected: DetectResult, appPath: string | undefined): DetectResult {
  return appPath === undefined ? detected : { ...detected, apps: detected.apps.filter((a) => a.path === appPath) };
}

/** The preview of a scope: for a member, its own files only (the workspace's compose file is shared). */
export async function planScope(s: Services, scope: AppScope, detected: DetectResult): Promise<PlannedFile[]> {
  const files = await planFiles(s, scope.root, onlyApp(detected, scope.appPath));
  return scope.appPath === undefined ? files : files.filter((f) => f.app === scope.appPath);
}
