// Drift findings shown as Problems: one diagnostic per file evidence, on the evidence line, with
// source "Parity" and the rule id as code. Remembers which finding each diagnostic came from so the
// quick-fix provider can apply that finding's edits.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { Finding, Severity } from '../../core/model';

export const DIAGNOSTIC_SOURCE = 'Parity';

export interface DiagnosedFinding {
  finding: Finding;
  /** Folder the finding's paths are relative to. */
  root: vscode.Uri;
  diagnostic: vscode.Diagnostic;
}

export const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class DriftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('parity');
  /** Per scanned folder: the diagnostics it produced, by file. */
  private readonly byFolder = new Map<string, Map<string, DiagnosedFinding[]>>();

  set(root: vscode.Uri, findings: Finding[]): void {
    const previous = this.byFolder.get(root.toString());
    const next = new Map<string, DiagnosedFinding[]>();
    for (const finding of findings) {
      for (const ev of finding.evidence) {
        if (!('file' in ev)) continue;
        const uri = vscode.Uri.file(path.join(root.fsPath, ...ev.file.split('/')));
        const line = Math.max(0, (ev.line ?? 1) - 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), `${finding.title}: ${finding.message}`, SEVERITY[finding.severity]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = finding.id;
        const list = next.get(uri.toString()) ?? [];
        list.push({ finding, root, diagnostic });
        next.set(uri.toString(), list);
      }
    }
    this.byFolder.set(root.toString(), next);
    const touched = new Set([...(previous?.keys() ?? []), ...next.keys()]);
    for (const key of touched) this.publish(vscode.Uri.parse(key));
  }

  clear(root: vscode.Uri): void {
    this.set(root, []);
    this.byFolder.delete(root.toString());
  }

  /** The findings behind Parity diagnostics on a line of a document. */
  findingsAt(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): DiagnosedFinding[] {
    const all = this.entriesFor(uri);
    return all.filter((d) => diagnostics.some((x) => x.source === DIAGNOSTIC_SOURCE && codeOf(x) === d.finding.id && x.range.start.line === d.diagnostic.range.start.line && x.message === d.diagnostic.message));
  }

  /** Entries on a file; a finding seen from two checked folders (a workspace and an app inside it) counts once. */
  private entriesFor(uri: vscode.Uri): DiagnosedFinding[] {
    const seen = new Set<string>();
    return [...this.byFolder.values()].flatMap((m) => m.get(uri.toString()) ?? []).filter((e) => {
      const key = `${e.finding.id}|${e.diagnostic.range.start.line}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }

  private publish(uri: vscode.Uri): void {
    const entries = this.entriesFor(uri);
    this.collection.set(uri, entries.length ? entries.map((e) => e.diagnostic) : undefined);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}
