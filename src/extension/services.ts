// Everything a command, view or listener needs, created once in activate() and passed in explicitly
// (no module-level singletons); each part is a disposable owned by the extension context.
import type * as vscode from 'vscode';
import type { Config } from './config';
import type { ParityState } from './state';
import type { PreviewSessions } from './preview/sessions';
import type { DriftDiagnostics } from './diagnostics/driftDiagnostics';
import type { Containers } from './containers';
import type { ReadonlyDocuments } from './readonlyDocuments';
import type { Transcripts } from './terminals/transcripts';
import type { RunDiagnostics } from './twin/runDiagnostics';

export interface Services {
  context: vscode.ExtensionContext;
  config: Config;
  output: vscode.OutputChannel;
  state: ParityState;
  previews: PreviewSessions;
  diagnostics: DriftDiagnostics;
  containers: Containers;
  readonlyDocs: ReadonlyDocuments;
  transcripts: Transcripts;
  /** Findings of the last run under production constraints, per folder. */
  runDiagnostics: RunDiagnostics;
}
