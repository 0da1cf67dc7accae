// Generated file sets waiting for Apply or Discard. Nothing is written while a session is open; the
// session remembers what was on disk at preview time so Apply can refuse to clobber later edits.
import * as vscode from '../vscodeApi';
import type { PlannedFile } from '../engine';

export interface PreviewSession {
  id: string;
  folder: vscode.Uri;
  /** The workspace member this preview is for (its paths stay relative to folder); undefined: all apps. */
  appPath?: string;
  files: PlannedFile[];
}

export class PreviewSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, PreviewSession>();
  private lastId: string | undefined;
  private counter = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** Opens a session for a folder (or one member of it), replacing any earlier one for the same. */
  open(folder: vscode.Uri, files: PlannedFile[], appPath?: string): PreviewSession {
    for (const s of this.sessions.values()) if (s.folder.toString() === folder.toString() && s.appPath === appPath) this.sessions.delete(s.id);
    const session: PreviewSession = { id: String(++this.counter), folder, appPath, files };
    this.sessions.set(session.id, session);
    this.lastId = session.id;
    this.changed.fire();
    return session;
  }

  get(id: string): PreviewSession | undefined {
    return this.sessions.get(id);
  }

  /** The session opened last that is still open. */
  last(): PreviewSession | undefined {
    return this.lastId ? this.sessions.get(this.lastId) : undefined;
  }

  all(): PreviewSession[] {
    return [...this.sessions.values()];
  }

  /** Drops files (e.g. applied one by one) from a session, keeping its id so open diffs stay valid. */
  removeFiles(id: string, files: readonly PlannedFile[]): void {
    const session = this.sessions.get(id);
    if (!session) return;
    session.files = session.files.filter((f) => !files.includes(f));
    this.changed.fire();
  }

  close(id: string): void {
    if (!this.sessions.delete(id)) return;
    if (this.lastId === id) this.lastId = [...this.sessions.keys()].pop();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
