// Removes the images Build and Run left behind for this workspace's projects (each content hash is its
// own tag): every Parity-labelled image of those projects that no container uses, after one confirmation
// naming the count and size. Images of other checkouts are never touched.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import { loadRunner } from '../chunks/load';
import type { Services } from '../services';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';
import { workspaceTrusted } from './requireTrust';

export const pruneImages: ParityCommand = {
  id: 'parity.pruneImages',
  async run(s): Promise<string[] | undefined> {
    if (!workspaceTrusted('Prune Images')) return undefined;
    try {
      const { docker } = await s.containers.connect();
      const { LABEL_PROJECT, dockerName, projectFilter } = await loadRunner();
      const projects = workspaceProjects(s, dockerName);
      const [images, containers] = await Promise.all([docker.listImages({ filters: projectFilter() }), docker.listContainers({ all: true })]);
      const used = new Set(containers.map((c) => c.ImageID));
      const unused = images.filter((i) => projects.has(i.Labels?.[LABEL_PROJECT] ?? '') && !used.has(i.Id));
      if (unused.length === 0) {
        void vscode.window.showInformationMessage('Parity: no unused Parity images for this workspace.');
        return [];
      }
      const mb = (unused.reduce((n, i) => n + i.Size, 0) / 2 ** 20).toFixed(0);
      const remove = { label: `$(trash) Remove ${unused.length} unused image${unused.length === 1 ? '' : 's'} (${mb} MB)` };
      const picked = await vscode.window.showQuickPick([{ label: 'Keep them' }, remove], { placeHolder: `Images of ${[...projects].join(', ')} that no container uses` });
      if (picked !== remove) return undefined;
      const removed: string[] = [];
      for (const image of unused) {
        await docker.getImage(image.Id).remove({ force: true }).then(() => removed.push(image.Id), (err: unknown) => s.output.appendLine(`[prune] ${image.RepoTags?.join(', ') ?? image.Id}: ${err instanceof Error ? err.message : String(err)}`));
      }
      void vscode.window.showInformationMessage(`Parity: removed ${removed.length} image${removed.length === 1 ? '' : 's'}.`);
      return removed;
    } catch (err) {
      reportError(s, 'prune images', err);
      return undefined;
    }
  },
};

/** Project names Build and Run gives this workspace's folders (the folder name, as `up` labels it). */
function workspaceProjects(s: Services, dockerName: (raw: string) => string): Set<string> {
  const folders = [...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri), ...s.state.all().map((st) => st.folder)];
  const names = new Set(folders.map((f) => dockerName(path.basename(f.fsPath))));
  for (const c of s.containers.inWorkspace()) names.add(c.project);
  return names;
}
