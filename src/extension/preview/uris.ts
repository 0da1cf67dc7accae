// `parity-preview:` URIs: the path is the file's place on disk, the query names the session and side, so
// the editor picks the language from the file name and the diff shows disk ↔ generated.
import * as vscode from '../vscodeApi';

export const PREVIEW_SCHEME = 'parity-preview';

export type Side = 'generated' | 'empty';

export function previewUri(absPath: string, sessionId: string, side: Side = 'generated'): vscode.Uri {
  return vscode.Uri.file(absPath).with({ scheme: PREVIEW_SCHEME, query: new URLSearchParams({ session: sessionId, side }).toString() });
}

export function parsePreviewUri(uri: vscode.Uri): { absPath: string; sessionId: string; side: Side } | undefined {
  if (uri.scheme !== PREVIEW_SCHEME) return undefined;
  const q = new URLSearchParams(uri.query);
  const sessionId = q.get('session');
  if (!sessionId) return undefined;
  return { absPath: uri.with({ scheme: 'file', query: '' }).fsPath, sessionId, side: q.get('side') === 'empty' ? 'empty' : 'generated' };
}
