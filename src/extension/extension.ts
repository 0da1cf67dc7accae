// Wiring only: create the parts, register them, hand every disposable to VS Code. Docker and Kubernetes
// clients are not loaded here; commands import them when they need them.
import * as vscode from './vscodeApi';
import { Config } from './config';
import { ParityState } from './state';
import { PreviewSessions } from './preview/sessions';
import { PreviewContentProvider } from './preview/contentProvider';
import { PREVIEW_SCHEME } from './preview/uris';
import { DriftDiagnostics } from './diagnostics/driftDiagnostics';
import { DriftQuickFixes } from './diagnostics/quickFixes';
import { watchDrift } from './diagnostics/recheck';
import { watchProjectFiles } from './diagnostics/projectFileDiagnostics';
import { Containers } from './containers';
import { READONLY_SCHEME, ReadonlyDocuments } from './readonlyDocuments';
import { Transcripts } from './terminals/transcripts';
import { RunDiagnostics } from './twin/runDiagnostics';
import { AppsView } from './views/apps';
import { GeneratedFilesView } from './views/generatedFiles';
import { ContainersView } from './views/containers';
import { DriftView } from './views/drift';
import { registerCommands } from './commands';
import { createStatusBar } from './statusBar';
import { createApi, type ParityApi } from './api';
import { firstLook } from './workflows';
import type { Services } from './services';

export function activate(context: vscode.ExtensionContext): ParityApi {
  const config = new Config();
  const output = vscode.window.createOutputChannel('Parity');
  const state = new ParityState();
  const previews = new PreviewSessions();
  const diagnostics = new DriftDiagnostics();
  const containers = new Containers(config);
  const readonlyDocs = new ReadonlyDocuments();
  const runDiagnostics = new RunDiagnostics();
  const s: Services = { context, config, output, state, previews, diagnostics, containers, readonlyDocs, transcripts: new Transcripts(), runDiagnostics };
  const disposable = <T extends vscode.Disposable>(d: T): T => (context.subscriptions.push(d), d);
  const views = {
    'parity.apps': new AppsView(state), 'parity.generatedFiles': new GeneratedFilesView(previews),
    'parity.containers': new ContainersView(containers), 'parity.drift': new DriftView(state),
  };
  const treeViews = Object.fromEntries(Object.entries(views).map(([id, provider]) => [id, vscode.window.createTreeView(id, { treeDataProvider: provider as vscode.TreeDataProvider<unknown> })]));
  const statusBar = createStatusBar(s);
  context.subscriptions.push(
    config, output, state, previews, diagnostics, containers, runDiagnostics,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, disposable(new PreviewContentProvider(previews))),
    vscode.workspace.registerTextDocumentContentProvider(READONLY_SCHEME, disposable(readonlyDocs)),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new DriftQuickFixes(diagnostics), { providedCodeActionKinds: DriftQuickFixes.kinds }),
    ...Object.values(treeViews), ...Object.values(views),
    state.onDidChange(() => (treeViews['parity.drift'].message = state.driftSummary)),
    previews.onDidChange(() => vscode.commands.executeCommand('setContext', 'parity.hasPreview', previews.all().length > 0)),
    ...registerCommands(s), ...watchDrift(s), ...watchProjectFiles(), ...statusBar.disposables,
  );
  setTimeout(() => void firstLook(s), 0); // after activation returns, so activation itself stays fast
  return createApi(s, views as Record<string, vscode.TreeDataProvider<unknown>>, treeViews, statusBar.snapshot);
}

export function deactivate(): void {}
