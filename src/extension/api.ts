// The API activate() returns to other extensions and tests; shapes as printed by the CLI's --json.
import type * as vscode from 'vscode';
import type { AppProfile, Finding } from '../core/model';
import type { Services } from './services';
import type { StatusBarSnapshot } from './statusBar';
import { snapshotTree, type TreeSnapshot } from './views/snapshot';
import { checkDrift, detectAndRemember, planFiles } from './workflows';

export interface ParityApi {
  detect(folder: vscode.Uri): Promise<AppProfile[]>;
  generate(folder: vscode.Uri): Promise<{ path: string; status: string; content: string }[]>;
  drift(folder: vscode.Uri): Promise<Finding[]>;
  /** What a Parity view shows right now, as data: `parity.apps`, `parity.generatedFiles`, `parity.containers`, `parity.drift`. */
  inspectView(viewId: string): Promise<TreeSnapshot[]>;
  /** The message line a Parity view shows above its items (e.g. the Drift view's last result), if any. */
  inspectViewMessage(viewId: string): string | undefined;
  /** What the Parity status-bar item shows right now (text, tooltip, whether it is shown). */
  inspectStatusBar(): StatusBarSnapshot;
  /** Everything a Parity terminal (`Logs: <container>`, `Shell: <container>`) has shown so far. */
  inspectTerminal(name: string): string | undefined;
}

export function createApi(s: Services, views: Record<string, vscode.TreeDataProvider<unknown>>, treeViews: Record<string, vscode.TreeView<unknown>>, statusBar: () => StatusBarSnapshot): ParityApi {
  return {
    detect: async (folder) => (await detectAndRemember(s, folder)).apps,
    generate: async (folder) => (await planFiles(s, folder)).map(({ path, status, content }) => ({ path, status, content })),
    drift: (folder) => checkDrift(s, folder),
    inspectView: async (viewId) => {
      const provider = views[viewId];
      if (!provider) throw new Error(`no Parity view '${viewId}'`);
      return snapshotTree(provider);
    },
    inspectViewMessage: (viewId) => treeViews[viewId]?.message,
    inspectStatusBar: statusBar,
    inspectTerminal: (name) => s.transcripts.get(name),
  };
}
