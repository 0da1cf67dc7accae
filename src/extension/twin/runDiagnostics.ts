// Findings of local runs under production constraints (READONLY_WRITE, OOM_LIMIT, PROBE_FAIL,
// SECRET_KEY_MISSING, PRIVILEGED_PORT…) as Problems, on the manifest line each points at. A collection of
// its own, so a drift re-check does not clear what the last run found (and Stop does).
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { Finding } from '../../core/model';
import { DIAGNOSTIC_SOURCE, SEVERITY } from '../diagnostics/driftDiagnostics';

export class RunDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('parity-run');
  private readonly byFolder = new Map<string, vscode.Uri[]>();

  set(folder: vscode.Uri, findings: readonly Finding[]): void {
    this.clear(folder);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const f of findings) {
      const at = f.evidence.find((e): e is { file: string; line?: number; excerpt?: string } => 'file' in e);
      const seen = f.evidence.filter((e) => !('file' in e)).map((e) => e.excerpt).filter(Boolean).join('; ');
      const uri = vscode.Uri.file(path.join(folder.fsPath, ...(at?.file ?? '.').split('/')));
      const line = Math.max(0, (at?.line ?? 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), `${f.title}: ${f.message}${seen ? `\nSeen: ${seen}` : ''}\nFix: ${f.fix.text}`, SEVERITY[f.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = f.id;
      byFile.set(uri.toString(), [...(byFile.get(uri.toString()) ?? []), d]);
    }
    const uris = [...byFile.keys()].map((k) => vscode.Uri.parse(k));
    for (const uri of uris) this.collection.set(uri, byFile.get(uri.toString()));
    this.byFolder.set(folder.toString(), uris);
  }

  clear(folder: vscode.Uri): void {
    for (const uri of this.byFolder.get(folder.toString()) ?? []) this.collection.delete(uri);
    this.byFolder.delete(folder.toString());
  }

  dispose(): void {
    this.collection.dispose();
  }
}
