// What the extension knows about each workspace folder: the last detection and the last drift findings.
// Owned by activate() and passed to commands and views; views redraw on its change event.
import * as path from 'node:path';
import * as vscode from './vscodeApi';
import type { DetectResult, Finding } from '../core/model';

export interface FolderState {
  folder: vscode.Uri;
  detected?: DetectResult;
  findings?: Finding[];
}

export class ParityState implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  /** What the last Check Drift found, in words (the Drift view's message). */
  driftSummary: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get(folder: vscode.Uri): FolderState {
    const key = folder.toString();
    let s = this.folders.get(key);
    if (!s) this.folders.set(key, (s = { folder }));
    return s;
  }

  all(): FolderState[] {
    return [...this.folders.values()];
  }

  setDetected(folder: vscode.Uri, detected: DetectResult): void {
    this.get(folder).detected = detected;
    this.changed.fire();
  }

  setFindings(folder: vscode.Uri, findings: Finding[]): void {
    this.get(folder).findings = findings;
    this.changed.fire();
  }

  setDriftSummary(summary: string): void {
    this.driftSummary = summary;
    this.changed.fire();
  }

  forget(folder: vscode.Uri): void {
    if (this.folders.delete(folder.toString())) this.changed.fire();
  }

  /** Every finding once: one seen from a workspace folder and from an app folder inside it counts once. */
  uniqueFindings(): { folder: vscode.Uri; finding: Finding }[] {
    const seen = new Set<string>();
    return this.all()
      .flatMap((s) => (s.findings ?? []).map((finding) => ({ folder: s.folder, finding })))
      .filter(({ folder, finding }) => {
        const key = findingKey(folder, finding);
        return seen.has(key) ? false : (seen.add(key), true);
      });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function findingKey(folder: vscode.Uri, finding: Finding): string {
  const where = finding.evidence.map((e) => ('file' in e ? `${path.join(folder.fsPath, e.file)}:${e.line ?? ''}` : `${e.image}:${e.path}`));
  return `${finding.id}|${where.join(',')}`;
}
