// Parity-labelled containers on the Docker engine. dockerode and the Docker adapter load on first use
// (never at activation); an unreachable engine sets the `parity.dockerUnreachable` context key so the
// Containers view shows its welcome text with the fix instead of an error. Once connected, the engine's
// event stream (Parity-labelled containers only) keeps the view and the status bar current.
import * as path from 'node:path';
import * as vscode from './vscodeApi';
import type { Engine } from '../docker/connect';
import type { Config } from './config';
import type { ContainerSummary } from './views/nodes';
import { loadRunner } from './chunks/load';
import { containerConstraints, LIVE_REFRESH_MS } from './twin/constraintsView';

const EVENT_DEBOUNCE_MS = 300;

export class Containers implements vscode.Disposable {
  private engine: Promise<Engine> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listed = new vscode.EventEmitter<void>();
  /** Fires after each listing, for the status bar. */
  readonly onDidList = this.listed.event;
  private readonly subscription: vscode.Disposable;
  private events: { destroy(): void } | undefined;
  private eventTimer: NodeJS.Timeout | undefined;
  /** Last reason the engine could not be reached, shown in the view's welcome text and messages. */
  unreachable: string | undefined;
  /** Containers from the last listing (empty until the Containers view or a command asked). */
  last: ContainerSummary[] = [];

  /** Redraws while constrained containers run, so their memory figure stays live. */
  private readonly live = setInterval(() => { if (this.last.some((c) => c.memory && c.state === 'running')) this.changed.fire(); }, LIVE_REFRESH_MS);

  constructor(private readonly config: Config) {
    this.subscription = config.onDidChange(() => {
      this.stopEvents();
      this.engine = undefined;
      this.changed.fire();
    });
  }

  /** Connects once (honouring the Docker host setting); a failure is not cached so a later try can succeed. */
  async connect(): Promise<Engine> {
    if (!this.engine) {
      const { connectEngine } = await loadRunner();
      this.engine = connectEngine({ explicit: this.config.settings.dockerHost || undefined });
      this.engine.then(
        (engine) => {
          this.setUnreachable(undefined);
          void this.watchEvents(engine);
        },
        (err: unknown) => {
          this.engine = undefined;
          this.setUnreachable(err instanceof Error ? err.message : String(err));
        },
      );
    }
    return this.engine;
  }

  async list(): Promise<ContainerSummary[]> {
    let engine: Engine;
    try {
      engine = await this.connect();
    } catch {
      return [];
    }
    const { LABEL_PROJECT, LABEL_APP, LABEL_ROLE, LABEL_ROOT, projectFilter } = await loadRunner();
    const raw = await engine.docker.listContainers({ all: true, filters: projectFilter() });
    this.last = raw.map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
      project: c.Labels[LABEL_PROJECT] ?? '',
      app: c.Labels[LABEL_APP] ?? '',
      role: c.Labels[LABEL_ROLE] ?? 'app',
      root: c.Labels[LABEL_ROOT] ?? '',
      image: c.Image,
      created: c.Created,
      state: c.State,
      status: c.Status,
      ports: (c.Ports ?? []).filter((p) => p.PublicPort).map((p) => ({ hostIp: p.IP ?? '127.0.0.1', hostPort: p.PublicPort, containerPort: p.PrivatePort })),
      constraints: [],
    })).sort((a, b) => a.name.localeCompare(b.name));
    await Promise.all(this.last.map(async (summary) => Object.assign(summary, await containerConstraints(engine.docker, summary.id, raw.find((c) => c.Id === summary.id)?.Labels ?? {}, summary.state))));
    this.listed.fire();
    return this.last;
  }

  /** Containers from the last listing that belong to a project started from this workspace. */
  inWorkspace(): ContainerSummary[] {
    return this.last.filter(inThisWorkspace);
  }

  refresh(): void {
    this.changed.fire();
  }

  /** Follows the engine's container events for Parity's labels; any event re-lists (debounced). */
  private async watchEvents(engine: Engine): Promise<void> {
    if (this.events) return;
    const { LABEL_PROJECT } = await loadRunner();
    try {
      const stream = (await engine.docker.getEvents({ filters: { type: ['container'], label: [LABEL_PROJECT] } })) as NodeJS.ReadableStream & { destroy(): void };
      this.events = stream;
      stream.on('data', () => {
        clearTimeout(this.eventTimer);
        // Re-list right away (not only when the view asks) so the status bar follows too.
        this.eventTimer = setTimeout(() => void this.list().finally(() => this.changed.fire()), EVENT_DEBOUNCE_MS);
      });
      const ended = () => { if (this.events === stream) this.events = undefined; };
      stream.on('end', ended);
      stream.on('error', ended);
    } catch {
      this.events = undefined; // an engine without events: the view still refreshes on commands
    }
  }

  private stopEvents(): void {
    clearTimeout(this.eventTimer);
    this.events?.destroy();
    this.events = undefined;
  }

  private setUnreachable(reason: string | undefined): void {
    this.unreachable = reason;
    void vscode.commands.executeCommand('setContext', 'parity.dockerUnreachable', reason !== undefined);
  }

  dispose(): void {
    this.stopEvents();
    clearInterval(this.live);
    this.subscription.dispose();
    this.changed.dispose();
    this.listed.dispose();
  }
}

/** The container's project was started from a folder inside (or equal to) a workspace folder. */
export function inThisWorkspace(c: ContainerSummary): boolean {
  if (!c.root) return false;
  return (vscode.workspace.workspaceFolders ?? []).some((f) => {
    const rel = path.relative(f.uri.fsPath, c.root);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}
