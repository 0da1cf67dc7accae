// Opens the place a fact or finding points at: `file:line`, `file > a.b` (the line holding the last key),
// or a whole `file`. `default (…)` sources point nowhere.
import * as path from 'node:path';
import * as vscode from '../vscodeApi';

export interface Location { file: string; line?: number; key?: string }

export function parseSource(source: string): Location | undefined {
  if (source.startsWith('default')) return undefined;
  const keyed = /^(.+?) > (.+)$/.exec(source);
  if (keyed) return { file: keyed[1], key: keyed[2].split('.').pop() };
  const lined = /^(.+):(\d+)$/.exec(source);
  if (lined) return { file: lined[1], line: Number(lined[2]) };
  return { file: source };
}

export async function openLocation(root: vscode.Uri, loc: Location): Promise<void> {
  const uri = vscode.Uri.file(path.join(root.fsPath, ...loc.file.split('/')));
  const document = await vscode.workspace.openTextDocument(uri);
  let line = loc.line ? loc.line - 1 : 0;
  if (loc.key) {
    const found = document.getText().split(/\r?\n/).findIndex((l) => l.includes(`"${loc.key}"`) || new RegExp(`^\\s*${escape(loc.key!)}\\s*[:=]`).test(l) || l.includes(loc.key!));
    if (found >= 0) line = found;
  }
  line = Math.min(Math.max(line, 0), Math.max(document.lineCount - 1, 0));
  const range = document.lineAt(line).range;
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.start), preview: true });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
