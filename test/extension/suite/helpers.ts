// Shared by the in-host tests: the activated extension's API, fixture folders, and waiting for UI state.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DiskRepo } from '../../../src/core/repo';
import { detect } from '../../../src/core/detect';
import { generate, type GeneratedFile } from '../../../src/core/generate';
import type { ParityApi } from '../../../src/extension/api';

export const EXTENSION_ID = 'parity-dev.parity';

export async function parity(): Promise<ParityApi> {
  const ext = vscode.extensions.getExtension<ParityApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return folder.uri;
}

export function fixtureFolder(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

/** What the engine itself generates for a folder with default settings — the expected preview content. */
export function engineFiles(folder: vscode.Uri): GeneratedFile[] {
  return generate(detect(new DiskRepo(folder.fsPath, '.')), { family: 'debian', k8sDir: 'deploy/k8s' }).files;
}

export function readDisk(folder: vscode.Uri, rel: string): string | undefined {
  const file = path.join(folder.fsPath, ...rel.split('/'));
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'parity-preview');
}

/**
 * Copies a fixture from test/extension/fixtures (outside the opened workspace) into the workspace under
 * `name`, for a test that needs a project nobody else touches; remove it with the returned function.
 */
export function copyFixtureIntoWorkspace(fixture: string, name = fixture): { folder: vscode.Uri; remove(): void } {
  const from = process.env.PARITY_EXTENSION_FIXTURES;
  if (!from) throw new Error('PARITY_EXTENSION_FIXTURES is not set (test/extension/vscode-server.test.ts sets it)');
  const folder = fixtureFolder(name);
  fs.cpSync(path.join(from, fixture), folder.fsPath, { recursive: true });
  return { folder, remove: () => fs.rmSync(folder.fsPath, { recursive: true, force: true }) };
}

/**
 * Answers the QuickPick a command opens, as a user would with the keyboard: `steps` × Down, then Enter
 * (or Escape when `steps` is 'cancel'), retried until the command's promise settles.
 */
export async function answerQuickPick<T>(pending: Thenable<T>, steps: number | 'cancel', timeoutMs = 15_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    await new Promise((r) => setTimeout(r, 400));
    if (settled) break;
    if (Date.now() > deadline) throw new Error('the QuickPick was never answered');
    if (steps === 'cancel') {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    } else {
      for (let i = 0; i < steps; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
  }
  return result;
}

/** Answers a chain of QuickPicks a command opens one after another: for each, `steps` × Down then Enter. */
export async function answerQuickPicks<T>(pending: Thenable<T>, chain: number[], timeoutMs = 20_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  for (const steps of chain) {
    await new Promise((r) => setTimeout(r, 900));
    if (settled) break;
    for (let i = 0; i < steps; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the QuickPicks were not all answered')), timeoutMs); });
  return Promise.race([result, timeout]).finally(() => clearTimeout(timer));
}
