// Build the app's image and run it with its backing services (the CLI's `parity up --json`), with a
// cancellable progress notification; build steps stream to the "Parity" output channel. By default it runs
// under the production constraints of the app's manifests (setting `parity.prodConstraints`, or the
// "Run with Production Constraints" / "Run Unconstrained" entries); what the run hits becomes Problems.
import * as vscode from '../vscodeApi';
import { runCli } from '../cliBridge';
import { failureLine, showFailure } from '../messages';
import type { ParityCommand } from './command';
import { appArgument } from './appArgument';
import { workspaceTrusted } from './requireTrust';
import { dockerHostArgs } from './dockerHostArgs';
import { renderFindings, renderReport, type TwinReport } from '../../core/twin/report';
import type { Finding } from '../../core/model';

export type RunMode = 'prod' | 'unconstrained';

interface UpJson { url?: string | null; findings?: Finding[]; report?: TwinReport | null }

export const up: ParityCommand = {
  id: 'parity.up',
  async run(s, arg, mode?: unknown): Promise<number | undefined> {
    if (!workspaceTrusted('Build and Run')) return undefined;
    const target = await appArgument(s, arg, 'Folder to build and run', { pickApp: true });
    if (!target) return undefined;
    const constrained = mode === 'prod' || (mode !== 'unconstrained' && s.config.settings.prodConstraints);
    s.output.show(true);
    const argv = ['up', target.folder.fsPath, ...(target.appPath ? ['--app', target.appPath] : []), '--json', ...(constrained ? [] : ['--no-prod-constraints']), ...dockerHostArgs(s)];
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Parity: build and run ${target.label}${constrained ? ' under production constraints' : ' (unconstrained)'}`, cancellable: true },
      (progress, token) => runCli(s.output, target.folder.fsPath, argv, { token, onLine: (line) => progress.report({ message: line.slice(0, 120) }) }),
    ).then(undefined, (err: unknown) => ({ code: 70, text: String(err), stdout: '' }));
    s.containers.refresh();
    const parsed = parseUp(result.stdout);
    const findings = parsed?.findings ?? [];
    s.runDiagnostics.set(target.folder, findings);
    if (parsed?.report) s.output.append(renderReport(parsed.report));
    else if (findings.length) s.output.appendLine(renderFindings(findings));
    // Messages are not awaited: a notification with buttons resolves only when the user answers.
    const url = parsed?.url ?? undefined;
    if (result.code === 0) {
      void vscode.window.showInformationMessage(`Parity: ${target.label} is running${url ? ` at ${url}` : ''}${constrained ? ' under production constraints' : ''}.`, ...(url ? ['Open in Browser'] : []))
        .then((choice) => (choice && url ? vscode.env.openExternal(vscode.Uri.parse(url)) : undefined));
    } else if (findings.length) {
      void vscode.window.showErrorMessage(`Parity: ${target.label} would break in production: ${[...new Set(findings.map((f) => f.id))].join(', ')} (see Problems).`, 'Show Problems')
        .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    } else {
      showFailure(s.output, `Build and Run of ${target.label} failed: ${failureLine('stderr' in result ? result.stderr : result.text) ?? 'see the Parity output'}`);
    }
    return result.code;
  },
};

function parseUp(stdout: string): UpJson | undefined {
  const start = stdout.indexOf('{');
  try {
    return start >= 0 ? (JSON.parse(stdout.slice(start)) as UpJson) : undefined;
  } catch {
    return undefined;
  }
}
