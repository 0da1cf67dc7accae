// "Create parity.yaml…" from Select Production Target when the folder has none: pick the production OS
// from the distros Parity knows and the architecture, and get a parity.yaml with one `prod` target,
// written atomically and opened for review.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import { loadEngine } from '../chunks/load';
import { writeAtomically } from '../preview/apply';

export interface CreatedTarget { name: string; os: string; arch: string }

export async function createProjectFile(folder: vscode.Uri): Promise<CreatedTarget | undefined> {
  const file = path.join(folder.fsPath, 'parity.yaml');
  if (fs.existsSync(file)) return undefined; // never replace the user's file
  const { DISTROS } = await loadEngine();
  const os = await vscode.window.showQuickPick(
    DISTROS.map((d) => ({ label: d.name, description: d.id, detail: `${d.family} family · ${d.libc} ${d.libcVersion} · OpenSSL ${d.openssl}`, id: d.id })),
    { title: 'Create parity.yaml (1/2)', placeHolder: 'The OS production runs on', matchOnDescription: true },
  );
  if (!os) return undefined;
  const arch = await vscode.window.showQuickPick(['amd64', 'arm64'], { title: 'Create parity.yaml (2/2)', placeHolder: 'The CPU architecture of production' });
  if (!arch) return undefined;
  const created: CreatedTarget = { name: 'prod', os: os.id, arch };
  writeAtomically(file, [
    '# Parity project file: the production targets generation and drift compare against.',
    'targets:',
    `  ${created.name}:`,
    `    os: ${created.os}`,
    `    arch: ${created.arch}`,
    '    runtime: kubernetes',
    `default: ${created.name}`,
    '',
  ].join('\n'));
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true, preserveFocus: true });
  return created;
}
