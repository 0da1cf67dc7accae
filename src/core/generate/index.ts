// Generation entry point: DetectResult → an in-memory set of files (Dockerfile, .dockerignore, Kubernetes
// manifests per app; compose.yaml at the root). Pure: no disk writes (see core/write for the writers).
// Every Kubernetes object is schema-validated, every Dockerfile linted and each app's files checked for
// consistency; a failure throws GenerateError rather than returning files that would not work.
import type { DetectResult, Family, ServiceKind } from '../model';
import { FAMILIES } from '../model';
import type { RepoReader } from '../repo';
import { UserError } from '../errors';
import { uniqueLabels } from './names';
import { joinPath, planApp, type AppPlan } from './plan';
import { moduleOf } from '../ecosystems';
import { dockerfileBody } from './dockerfile';
import { dockerignoreBody, mergeDockerignore } from './dockerignore';
import { manifests } from './kube';
import { compose } from './compose';
import { provenance, withHeader } from './header';
import { toYaml } from './yaml';
import { lintDockerfile } from './lint';
import { validateObject } from './validate/schema';
import { checkConsistency } from './validate/consistency';

export interface GenerateOptions {
  /** Base-image family: debian (default), rhel (UBI), alpine. */
  family: Family;
  /** Folder for Kubernetes manifests, relative to each app's folder. Default `deploy/k8s`. */
  k8sDir: string;
  /** Image tag used in manifests and compose (never `latest`). Default `dev`. */
  imageTag?: string;
  ingress?: boolean;
  hpa?: boolean;
  pdb?: boolean;
  /** BuildKit cache mounts in RUN steps (off by default so the legacy builder works). */
  cacheMounts?: boolean;
  /** Reads existing files (relative to the scanned root) so a user's .dockerignore is merged, not replaced. */
  repo?: Pick<RepoReader, 'readText'>;
  /** The command written in headers as "Regenerate: …"; derived from the options when absent. */
  regenerate?: string;
}

export const DEFAULT_OPTIONS: GenerateOptions = { family: 'debian', k8sDir: 'deploy/k8s' };

export type GeneratedKind = 'dockerfile' | 'dockerignore' | 'kubernetes' | 'compose';

export interface GeneratedFile {
  /** Path relative to the scanned root, `/`-separated. */
  path: string;
  content: string;
  kind: GeneratedKind;
  /** App folder the file belongs to; absent for the root compose file. */
  app?: string;
  /** The content already contains everything of the existing file (a merged .dockerignore). */
  merged?: boolean;
  /**
   * Dockerfiles only: the build context relative to the scanned root (`.`-style: `''` is the root). It is
   * the app folder, except for workspace members whose lockfile is at the workspace root:
   * `docker build -f <path> <buildContext>`. Its .dockerignore is at the context root.
   */
  buildContext?: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Problems found while generating (validation failures are errors and throw). */
  warnings: { file: string; message: string }[];
}

/** Generated output failed its own checks (schema, lint, consistency): a bug, never silently written. */
export class GenerateError extends UserError {
  constructor(readonly problems: { file: string; message: string }[]) {
    super(`generated files failed validation:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
  }
}

export function regenerateCommand(options: GenerateOptions): string {
  const parts = ['parity generate'];
  if (options.family !== 'debian') parts.push(`--family ${options.family}`);
  if (options.k8sDir !== DEFAULT_OPTIONS.k8sDir) parts.push(`--k8s-dir ${options.k8sDir}`);
  if (options.imageTag) parts.push(`--tag ${options.imageTag}`);
  for (const flag of ['ingress', 'hpa', 'pdb'] as const) if (options[flag]) parts.push(`--${flag}`);
  if (options.cacheMounts) parts.push('--cache-mounts');
  return parts.join(' ');
}

export function checkOptions(options: GenerateOptions): void {
  if (!FAMILIES.includes(options.family)) throw new UserError(`unknown base family '${options.family}'`, `use one of: ${FAMILIES.join(', ')}`);
  const dir = options.k8sDir;
  if (!dir || dir.startsWith('/') || dir.split('/').includes('..')) throw new UserError(`manifest folder '${dir}' must be a relative path inside the app`);
  const tag = options.imageTag;
  if (tag !== undefined && (tag === 'latest' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag))) {
    throw new UserError(`image tag '${tag}' is not allowed`, 'use a version-like tag such as 1.2.3 (never latest)');
  }
}

export function generate(detected: DetectResult, options: GenerateOptions): GenerateResult {
  checkOptions(options);
  const regenerate = options.regenerate ?? regenerateCommand(options);
  const files: GeneratedFile[] = [];
  const warnings: GenerateResult['warnings'] = [];
  const problems: { file: string; message: string }[] = [];
  const apps = detected.apps;
  const names = uniqueLabels(apps.map((a) => a.name));
  const kinds = [...new Set(apps.flatMap((a) => a.services.map((s) => s.value)))].sort();
  const serviceNames = new Map<ServiceKind, string>(kinds.map((k) => [k, names.includes(k) ? `${k}-svc` : k]));
  const tag = options.imageTag ?? 'dev';

  const plans: AppPlan[] = apps.map((app, i) => planApp(app, names[i], options, moduleOf(app.ecosystem)));
  const perApp: { plan: AppPlan; dockerfile: string; manifests: Record<string, string> }[] = [];

  for (const plan of plans) {
    const app = plan.app;
    const dockerfilePath = joinPath(plan.dir, 'Dockerfile');
    const appWarnings: string[] = [];
    if (app.port && plan.port !== app.port.value) appWarnings.push(`the app is served on ${plan.port} in the container (detected ${app.port.value} from ${app.port.source})`);
    if (plan.port !== null && plan.port < 1024) appWarnings.push(`port ${plan.port} is privileged: a non-root container without capabilities cannot bind it; make the app listen on 8080`);
    if (app.lockfile?.value.startsWith('../') && plan.context === plan.dir && !plan.ecosystem.runtime.outerLockfileIsWorkspace) appWarnings.push(`the lockfile ${app.lockfile.value} is outside the app folder: the image installs without it`);
    if (plan.shape === 'worker') appWarnings.push('no port detected: generated as a worker (no Service, no probes); if it serves HTTP, declare its port');
    const body = dockerfileBody({ plan, family: options.family, cacheMounts: Boolean(options.cacheMounts), warnings: appWarnings, readText: options.repo ? (p) => options.repo!.readText(p) : undefined });
    const dockerfile = withHeader(body, regenerate);
    for (const message of [...new Set(appWarnings)]) warnings.push({ file: dockerfilePath, message });
    for (const message of lintDockerfile(dockerfile, { server: plan.port !== null, cacheMounts: options.cacheMounts, lockfile: plan.lockfile })) {
      problems.push({ file: dockerfilePath, message });
    }
    files.push({ path: dockerfilePath, content: dockerfile, kind: 'dockerfile', app: app.path, buildContext: plan.context });

    const k8s: Record<string, string> = {};
    const gid = options.family === 'rhel' ? 0 : plan.uid;
    for (const m of manifests(plan, { tag, gid, ingress: options.ingress, hpa: options.hpa, pdb: options.pdb })) {
      const path = joinPath(plan.dir, options.k8sDir, m.file);
      for (const message of validateObject(m.object)) problems.push({ file: path, message });
      const content = withHeader(toYaml(m.object), regenerate, m.notes);
      k8s[m.file] = content;
      files.push({ path, content, kind: 'kubernetes', app: app.path });
    }
    perApp.push({ plan, dockerfile, manifests: k8s });
  }

  // One .dockerignore per build context (a workspace root serves all its members).
  const contexts = [...new Set(plans.map((p) => p.context))];
  for (const ctx of contexts) {
    const users = plans.filter((p) => p.context === ctx);
    const ignorePath = joinPath(ctx, '.dockerignore');
    const owner = users.find((p) => p.dir === ctx) ?? users[0];
    const existingIgnore = options.repo?.readText(ignorePath);
    const appsHere = users.map((p) => p.app);
    const file: GeneratedFile = existingIgnore !== undefined && provenance(existingIgnore) === 'foreign'
      ? { path: ignorePath, content: mergeDockerignore(existingIgnore, appsHere, options.k8sDir, regenerate), kind: 'dockerignore', app: owner.app.path, merged: true }
      : { path: ignorePath, content: withHeader(dockerignoreBody(appsHere, options.k8sDir), regenerate), kind: 'dockerignore', app: owner.app.path };
    const at = files.findIndex((f) => f.path === joinPath(owner.dir, 'Dockerfile'));
    files.splice(at + 1, 0, file);
  }

  let composeText: string | undefined;
  if (plans.length) {
    const { object, notes } = compose(plans, serviceNames);
    composeText = withHeader(toYaml(object), regenerate, ['Local runs only: docker compose up --build', ...notes]);
    files.push({ path: 'compose.yaml', content: composeText, kind: 'compose' });
  }

  for (const { plan, dockerfile, manifests: k8s } of perApp) {
    const consistency = checkConsistency({ app: plan.app, dockerfile, manifests: k8s, compose: composeText, composeService: plan.name });
    for (const message of consistency) problems.push({ file: joinPath(plan.dir, 'Dockerfile'), message });
  }
  if (problems.length) throw new GenerateError(problems);
  return { files, warnings };
}
