// Stops and removes the folder's Parity-labelled containers and network (the CLI's `parity down`), after
// taking each app's parity report, which then opens as a readable page.
import * as vscode from '../vscodeApi';
import { runCli } from '../cliBridge';
import { failureLine, showFailure } from '../messages';
import type { ParityCommand } from './command';
import { appArgument } from './appArgument';
import { workspaceTrusted } from './requireTrust';
import { dockerHostArgs } from './dockerHostArgs';
import { openReportPage, parseReports } from '../twin/reportPage';

export const down: ParityCommand = {
  id: 'parity.down',
  async run(s, arg): Promise<number | undefined> {
    if (!workspaceTrusted('Stop and Remove Containers')) return undefined;
    const target = await appArgument(s, arg, 'Folder whose containers to remove');
    if (!target) return undefined;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Parity: stopping ${target.label}`, cancellable: true },
      async (_progress, token) => {
        const report = await runCli(undefined, target.folder.fsPath, ['report', target.folder.fsPath, '--json', ...dockerHostArgs(s)], { token });
        const reports = parseReports(report.stdout);
        const removed = await runCli(s.output, target.folder.fsPath, ['down', target.folder.fsPath, '--no-report', ...dockerHostArgs(s)], { token });
        return { ...removed, reports };
      },
    ).then(undefined, (err: unknown) => ({ code: 70, text: String(err), reports: [] }));
    s.containers.refresh();
    if (result.code !== 0) showFailure(s.output, `Stop and Remove Containers failed: ${failureLine('stderr' in result ? result.stderr : result.text) ?? 'see the Parity output'}`);
    else {
      s.runDiagnostics.clear(target.folder);
      if (result.reports.length) await openReportPage(result.reports);
    }
    return result.code;
  },
};
