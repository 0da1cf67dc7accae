// What the Parity views hold. Commands receive these nodes as arguments from view menus, so each carries
// what its command needs; `contextValue` strings (see package.json menus) are derived from them.
import type * as vscode from 'vscode';
import type { AppProfile, Finding } from '../../core/model';
import type { PlannedFile } from '../engine';

export interface FolderNode { kind: 'folder'; folder: vscode.Uri }
export interface AppNode { kind: 'app'; folder: vscode.Uri; app: AppProfile }
export interface FactNode { kind: 'fact'; folder: vscode.Uri; app: AppProfile; label: string; value: string; source: string }
export interface SessionNode { kind: 'session'; sessionId: string; folder: vscode.Uri }
/** The generated files of one app (`app` is its path, or `shared` for files of no app). */
export interface AppGroupNode { kind: 'appGroup'; sessionId: string; app: string }
export interface GeneratedFileNode { kind: 'generatedFile'; sessionId: string; file: PlannedFile }
export interface ContainerNode { kind: 'container'; container: ContainerSummary }
/** Containers of Parity projects outside this workspace (other checkouts), collapsed by default. */
export interface OtherProjectsNode { kind: 'otherProjects'; containers: ContainerSummary[] }
/** One line of a container's details (image, ports, project folder…), shown when its row is expanded. */
export interface ContainerDetailNode { kind: 'containerDetail'; container: ContainerSummary; label: string; value: string }
/** One production constraint a running container was started with (child of its ContainerNode). */
export interface ConstraintNode { kind: 'constraint'; label: string }
export interface SeverityNode { kind: 'severity'; severity: Finding['severity']; findings: { folder: vscode.Uri; finding: Finding }[] }
export interface FindingNode { kind: 'finding'; folder: vscode.Uri; finding: Finding }

export interface ContainerSummary {
  id: string;
  name: string;
  project: string;
  app: string;
  /** `running`, `exited`, `created`… */
  state: string;
  status: string;
  /** Published ports on the host, e.g. `127.0.0.1:8080→3000`. */
  ports: { hostIp: string; hostPort: number; containerPort: number }[];
  role: string;
  /** Folder the project was started from (the `dev.parity.root` label); '' when unknown. */
  root: string;
  image: string;
  /** Unix seconds. */
  created: number;
  /** Production constraints it was started with, as phrases (empty: run unconstrained). */
  constraints?: string[];
  /** Live memory use and the manifest's limit, in bytes, for constrained running containers. */
  memory?: { usedBytes?: number; limitBytes?: number };
}

export type ParityNode = FolderNode | AppNode | FactNode | SessionNode | AppGroupNode | GeneratedFileNode | ContainerNode | OtherProjectsNode | ContainerDetailNode | ConstraintNode | SeverityNode | FindingNode;

export function isNode<K extends ParityNode['kind']>(arg: unknown, kind: K): arg is Extract<ParityNode, { kind: K }> {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === kind;
}
