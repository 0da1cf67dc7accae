// Stops and removes the folder's Parity-labelled containers and network (the CLI's `parity down`).
import * as vscode from '../vscodeApi';
import { runCli } from '../cliBridge';
import { failureLine, showFailure } from '../messages';
import type { ParityCommand } from './command';
import { appArgument } from './appArgument';
import { workspaceTrusted } from './requireTrust';
import { dockerHostArgs } from './dockerHostArgs';

export const down: ParityCommand = {
  id: 'parity.down',
  async run(s, arg): Promise<number | undefined> {
    if (!workspaceTrusted('Stop and Remove Containers')) return undefined;
    const target = await appArgument(s, arg, 'Folder whose containers to remove');
    if (!target) return undefined;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Parity: stopping ${target.label}`, cancellable: true },
      (_progress, token) => runCli(s.output, target.folder.fsPath, ['down', target.folder.fsPath, ...dockerHostArgs(s)], { token }),
    ).then(undefined, (err: unknown) => ({ code: 70, text: String(err) }));
    s.containers.refresh();
    if (result.code !== 0) showFailure(s.output, `Stop and Remove Containers failed: ${failureLine('stderr' in result ? result.stderr : result.text) ?? 'see the Parity output'}`);
    return result.code;
  },
};
