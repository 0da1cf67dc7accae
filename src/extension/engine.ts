// The extension's only door into the engine: detect, generate and static drift for a workspace folder.
// Everything here is a call into src/core with the user's settings; no knowledge of ecosystems lives here.
// The engine is loaded on first use (chunks/load.ts), not at activation: parsing it costs far more than activating.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { GeneratedFile } from '../core/generate';
import type { ProjectConfig, TargetSpec } from '../core/config';
import type { DetectResult, Family, Finding } from '../core/model';
import type { ParitySettings } from './config';
import { runCli } from './cliBridge';
import { loadEngine, loadRunner } from './chunks/load';

export type FileStatus = 'new' | 'changed' | 'unchanged';

/** A generated file as `parity generate --json` prints it, plus where it goes on disk. */
export interface PlannedFile extends GeneratedFile {
  status: FileStatus;
  /** Absolute path on disk. */
  absPath: string;
  /** What was on disk when the file was planned (undefined: no file), to refuse clobbering later edits. */
  diskContent: string | undefined;
}

export async function detectFolder(folder: vscode.Uri): Promise<DetectResult> {
  const { DiskRepo, detect } = await loadEngine();
  return detect(new DiskRepo(folder.fsPath, '.'));
}

/** parity.yaml of the folder (no targets when there is none). */
export async function projectConfigOf(folder: vscode.Uri): Promise<ProjectConfig> {
  const { DiskRepo, readProjectConfig } = await loadEngine();
  return readProjectConfig(new DiskRepo(folder.fsPath, '.'));
}

/** The production target chosen in settings, else parity.yaml's default, else the assumed one. */
export async function targetOf(folder: vscode.Uri, settings: ParitySettings): Promise<TargetSpec | undefined> {
  const { selectTarget } = await loadEngine();
  return selectTarget(await projectConfigOf(folder), settings.productionTarget || undefined);
}

export async function familyOf(folder: vscode.Uri, settings: ParitySettings): Promise<Family> {
  if (settings.baseFamily !== 'auto') return settings.baseFamily;
  const [target, { familyForOs }] = await Promise.all([targetOf(folder, settings), loadEngine()]);
  return target ? familyForOs(target.os) : 'debian';
}

export async function generateFolder(folder: vscode.Uri, detected: DetectResult, settings: ParitySettings): Promise<PlannedFile[]> {
  const { generate } = await loadEngine();
  const result = generate(detected, {
    family: await familyOf(folder, settings),
    k8sDir: settings.outputFolder,
    cacheMounts: settings.buildKit,
  });
  return result.files.map((file) => {
    const absPath = path.join(folder.fsPath, ...file.path.split('/'));
    const diskContent = readIfExists(absPath);
    const status: FileStatus = diskContent === undefined ? 'new' : sameText(diskContent, file.content) ? 'unchanged' : 'changed';
    return { ...file, status, absPath, diskContent };
  });
}

/**
 * Static drift (project files vs the production target; no Docker) for the folder, through the CLI's
 * `parity drift --json` so the editor shows exactly what the CLI and CI report.
 */
export async function driftFolder(folder: vscode.Uri, settings: ParitySettings): Promise<Finding[]> {
  const argv = ['drift', folder.fsPath, '--json', ...(await targetArgs(folder, settings))];
  const run = await runCli(undefined, folder.fsPath, argv);
  const start = run.stdout.indexOf('{');
  let parsed: { findings?: Finding[] } | undefined;
  try {
    parsed = start >= 0 ? JSON.parse(run.stdout.slice(start)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !Array.isArray(parsed.findings)) throw new Error(run.stderr.trim() || run.stdout.trim() || `parity drift exited ${run.code}`);
  return parsed.findings;
}

/** Answers to "contact this cluster?" for this session, by kubeconfig context: asked once each. */
const clusterAnswers = new Map<string, boolean>();

/**
 * `--target` for drift. A target naming a kubeconfig context is contacted only in a trusted workspace and
 * after the user said yes for that context (the prompt names the server and the credential plugin);
 * otherwise `--no-cluster`.
 */
async function targetArgs(folder: vscode.Uri, settings: ParitySettings): Promise<string[]> {
  const named = settings.productionTarget ? ['--target', settings.productionTarget] : [];
  const target = await targetOf(folder, settings);
  if (target?.context === undefined) return named;
  const vscodeApi = await import('./vscodeApi');
  if (!vscodeApi.workspace.isTrusted) return [...named, '--no-cluster'];
  let yes = clusterAnswers.get(target.context);
  if (yes === undefined) {
    const { describeContext, contactSummary } = await loadRunner();
    let summary: string;
    try {
      summary = contactSummary(await describeContext(target.context || undefined));
    } catch (err) {
      summary = `kubeconfig context '${target.context}' (${(err as Error).message.split('\n')[0]})`;
    }
    const pick = await vscodeApi.window.showWarningMessage(`Parity: production target '${target.name}' in parity.yaml reads its nodes from ${summary}. Contact this cluster?`, { modal: true }, 'Contact Cluster');
    yes = pick === 'Contact Cluster';
    clusterAnswers.set(target.context, yes);
  }
  return yes ? ['--target', target.name] : [...named, '--no-cluster'];
}

export function readIfExists(absPath: string): string | undefined {
  try {
    return fs.readFileSync(absPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Generated text equals what is on disk, ignoring only CRLF vs LF (git may check files out either way). */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}
