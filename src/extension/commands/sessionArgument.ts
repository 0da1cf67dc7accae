// Which preview session (and optionally which file) a preview/apply/discard call means: a tree node, a
// `parity-preview:` Uri (editor title), or nothing → the active preview editor, else the last preview.
import * as vscode from '../vscodeApi';
import type { PlannedFile } from '../engine';
import { activePreviewTarget } from '../preview/diffEditor';
import type { PreviewSession, PreviewSessions } from '../preview/sessions';
import { parsePreviewUri } from '../preview/uris';
import { isNode } from '../views/nodes';

export interface SessionTarget { session: PreviewSession; file?: PlannedFile }

export function sessionArgument(previews: PreviewSessions, arg: unknown): SessionTarget | undefined {
  if (isNode(arg, 'generatedFile')) {
    const session = previews.get(arg.sessionId);
    return session && { session, file: session.files.find((f) => f.absPath === arg.file.absPath) };
  }
  if (isNode(arg, 'session')) {
    const session = previews.get(arg.sessionId);
    return session && { session };
  }
  const parsed = arg instanceof vscode.Uri ? parsePreviewUri(arg) : activePreviewTarget();
  if (parsed) {
    const session = previews.get(parsed.sessionId);
    if (session) return { session };
  }
  const last = previews.last();
  return last && { session: last };
}
