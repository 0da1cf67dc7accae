// Every object Parity creates carries these labels, so it can find, replace and remove exactly its own.
export const LABEL_PROJECT = 'dev.parity.project';
export const LABEL_APP = 'dev.parity.app';
/** Absolute folder the project was started from; lets `down`/`ps` pick projects by folder. */
export const LABEL_ROOT = 'dev.parity.root';
/** `app` for the built application, `service` for a backing service (redis, postgres…). */
export const LABEL_ROLE = 'dev.parity.role';

export type Role = 'app' | 'service';

export function labelsFor(project: string, app: string, root: string, role: Role): Record<string, string> {
  return { [LABEL_PROJECT]: project, [LABEL_APP]: app, [LABEL_ROOT]: root, [LABEL_ROLE]: role };
}

/** Docker list filter for everything of one project (or every Parity object when project is omitted). */
export function projectFilter(project?: string): { label: string[] } {
  return { label: [project ? `${LABEL_PROJECT}=${project}` : LABEL_PROJECT] };
}

/** Lower-case name safe for containers, networks, volumes and image repositories. */
export function dockerName(raw: string): string {
  const cleaned = raw.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/[-_.]+$/, '');
  return cleaned.slice(0, 63) || 'app';
}

export function networkName(project: string): string {
  return `parity-${project}`;
}

export function containerName(project: string, app: string): string {
  return `parity-${project}-${app}`;
}
