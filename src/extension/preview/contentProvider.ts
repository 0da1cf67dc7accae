// Serves the generated text of an open preview session to the editor; read-only by construction.
import * as vscode from '../vscodeApi';
import type { PreviewSessions } from './sessions';
import { parsePreviewUri } from './uris';

export class PreviewContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly sessions: PreviewSessions) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const parsed = parsePreviewUri(uri);
    if (!parsed || parsed.side === 'empty') return '';
    const session = this.sessions.get(parsed.sessionId);
    const file = session?.files.find((f) => f.absPath === parsed.absPath);
    return file?.content ?? '# This Parity preview was applied or discarded.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
