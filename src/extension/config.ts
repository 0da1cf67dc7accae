// The extension's settings, typed and read once; re-read only when a `parity.*` setting changes, and
// listeners are told so they can react (e.g. drift-on-save switched off).
import * as vscode from './vscodeApi';
import { FAMILIES, type Family } from '../core/model';

export interface ParitySettings {
  /** Name of a target in parity.yaml; empty means the file's default target. */
  productionTarget: string;
  /** Folder for Kubernetes manifests, relative to each app. */
  outputFolder: string;
  /** Base-image family of generated Dockerfiles; `auto` follows the production target. */
  baseFamily: Family | 'auto';
  /** Docker Engine endpoint overriding DOCKER_HOST and the Docker context (e.g. unix:///run/user/1000/docker.sock). */
  dockerHost: string;
  /** BuildKit cache mounts in generated Dockerfiles and BuildKit builds. */
  buildKit: boolean;
  /** Re-check drift when a file is saved. */
  driftOnSave: boolean;
  /** Build and Run applies the production constraints of the app's manifests. */
  prodConstraints: boolean;
}

const SECTION = 'parity';

function read(): ParitySettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const family = c.get<string>('baseFamily', 'auto');
  return {
    productionTarget: c.get<string>('productionTarget', '').trim(),
    outputFolder: c.get<string>('outputFolder', 'deploy/k8s').trim() || 'deploy/k8s',
    baseFamily: family === 'auto' || (FAMILIES as readonly string[]).includes(family) ? (family as Family | 'auto') : 'auto',
    dockerHost: c.get<string>('dockerHost', '').trim(),
    buildKit: c.get<boolean>('buildKit', false),
    driftOnSave: c.get<boolean>('driftOnSave', true),
    prodConstraints: c.get<boolean>('prodConstraints', true),
  };
}

export class Config implements vscode.Disposable {
  private current = read();
  private readonly changed = new vscode.EventEmitter<ParitySettings>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SECTION)) return;
    this.current = read();
    this.changed.fire(this.current);
  });

  get settings(): ParitySettings {
    return this.current;
  }

  /** Stores the chosen production target in the workspace settings. */
  async setProductionTarget(name: string): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('productionTarget', name, vscode.ConfigurationTarget.Workspace);
    // The change event may arrive after update() resolves; the caller re-checks drift right away.
    this.current = read();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
