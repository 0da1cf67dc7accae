// Build the app's image and run it with its backing services (the CLI's `parity up`), with a cancellable
// progress notification; build steps stream to the "Parity" output channel.
import * as vscode from '../vscodeApi';
import { runCli } from '../cliBridge';
import { failureLine, showFailure } from '../messages';
import type { ParityCommand } from './command';
import { appArgument } from './appArgument';
import { workspaceTrusted } from './requireTrust';
import { dockerHostArgs } from './dockerHostArgs';

export const up: ParityCommand = {
  id: 'parity.up',
  async run(s, arg): Promise<number | undefined> {
    if (!workspaceTrusted('Build and Run')) return undefined;
    const target = await appArgument(s, arg, 'Folder to build and run', { pickApp: true });
    if (!target) return undefined;
    s.output.show(true);
    const argv = ['up', target.folder.fsPath, ...(target.appPath ? ['--app', target.appPath] : []), ...dockerHostArgs(s)];
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Parity: build and run ${target.label}`, cancellable: true },
      (progress, token) => runCli(s.output, target.folder.fsPath, argv, { token, onLine: (line) => progress.report({ message: line.slice(0, 120) }) }),
    ).then(undefined, (err: unknown) => ({ code: 70, text: String(err) }));
    s.containers.refresh();
    // Messages are not awaited: a notification with buttons resolves only when the user answers.
    if (result.code === 0) {
      const url = [...result.text.matchAll(/https?:\/\/[^\s]+/g)].pop()?.[0];
      void vscode.window.showInformationMessage(`Parity: ${target.label} is running${url ? ` at ${url}` : ''}.`, ...(url ? ['Open in Browser'] : []))
        .then((choice) => (choice && url ? vscode.env.openExternal(vscode.Uri.parse(url)) : undefined));
    } else {
      showFailure(s.output, `Build and Run of ${target.label} failed: ${failureLine('stderr' in result ? result.stderr : result.text) ?? 'see the Parity output'}`);
    }
    return result.code;
  },
};
