// parity.yaml typos as Problems: the engine's warnings for the file (unknown keys, unknown OS or arch,
// a target without os), each on the line of the key it names. Re-checked when a parity.yaml is opened,
// edited or saved; the JSON schema (yamlValidation) adds completion where Red Hat YAML is installed.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import { loadEngine } from '../chunks/load';

export const PROJECT_FILE_SOURCE = 'Parity (parity.yaml)';

export function watchProjectFiles(): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('parity-yaml');
  const check = async (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== 'file' || path.basename(doc.uri.fsPath) !== 'parity.yaml') return;
    const { readProjectConfig } = await loadEngine();
    const text = doc.getText();
    const config = readProjectConfig({ readText: (rel: string) => (rel === 'parity.yaml' ? text : undefined) } as Parameters<typeof readProjectConfig>[0]);
    collection.set(doc.uri, config.warnings.map((w) => {
      const line = lineOf(text, (w as { at?: string }).at);
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), w.message, vscode.DiagnosticSeverity.Warning);
      d.source = PROJECT_FILE_SOURCE;
      return d;
    }));
  };
  const run = (doc: vscode.TextDocument) => void check(doc).catch(() => undefined);
  vscode.workspace.textDocuments.forEach(run);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(run),
    vscode.workspace.onDidChangeTextDocument((e) => run(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
  ];
}

/** The 0-based line of a dotted key path (`targets.prod.os`): each segment searched from the previous one's line. */
export function lineOf(text: string, at: string | undefined): number {
  const lines = text.split(/\r?\n/);
  let line = 0;
  for (const segment of (at ?? '').split('.').filter(Boolean)) {
    const re = new RegExp(`(^|[\\s{,])["']?${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
    const found = lines.findIndex((l, i) => i >= line && re.test(l));
    if (found < 0) break;
    line = found;
  }
  return line;
}
