// The parity report as a readable page: Markdown rendered by VS Code's own preview (no webview to keep
// safe), opened from an untitled document that is never saved.
import * as vscode from '../vscodeApi';
import { renderReportMarkdown, type TwinReport } from '../../core/twin/report';

export async function openReportPage(reports: TwinReport[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderReportMarkdown(reports) });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  return doc;
}

/** The `{ reports }` of `parity report --json`, or none when the output is not that. */
export function parseReports(stdout: string): TwinReport[] {
  try {
    const parsed = JSON.parse(stdout.slice(Math.max(0, stdout.indexOf('{')))) as { reports?: TwinReport[] };
    return Array.isArray(parsed.reports) ? parsed.reports : [];
  } catch {
    return [];
  }
}
