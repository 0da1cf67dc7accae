// What every ecosystem's Dockerfile generator receives and the runtime-stage tail they share.
import type { BaseImage, ImageChoice } from '../../platform/image-rules';
import type { Family } from '../../model';
import { reads, type AppPlan } from '../plan';
import { createUser, execForm, healthcheck, installCommands, nativePackages, run, type HealthProbe } from './render';

export interface DockerfileInput {
  plan: AppPlan;
  family: Family;
  cacheMounts: boolean;
  /** Reads project files (relative to the scanned root) for details detection does not carry. */
  readText?: (path: string) => string | undefined;
  /** Warnings to report (file-level), e.g. a version with no UBI image. */
  warnings: string[];
}

/** `uid:gid` of the USER line: group 0 on RHEL (OpenShift convention), the app group elsewhere. */
export function userSpec(input: DockerfileInput): string {
  const { uid } = input.plan;
  return input.family === 'rhel' ? `${uid}:0` : `${uid}:${uid}`;
}

export function gidOf(input: DockerfileInput): number {
  return input.family === 'rhel' ? 0 : input.plan.uid;
}

/** One RUN that installs the runtime system packages and creates the app user. */
export function runtimeSetup(input: DockerfileInput, image: BaseImage, home: string, extraPackages: string[] = [], extraCommands: string[] = []): string[] {
  const pkgs = [...nativePackages(input.plan.app.nativeDeps, input.family, 'runtime'), ...extraPackages];
  const cmds = [...installCommands(image.pkg, pkgs), ...createUser(image, input.plan.uid, home), ...extraCommands];
  return [run(cmds)];
}

/** Build-stage system packages (compilers, -dev headers) as a RUN line, or nothing. */
export function buildPackages(input: DockerfileInput, image: BaseImage, extra: string[] = []): string[] {
  const pkgs = [...nativePackages(input.plan.app.nativeDeps, input.family, 'build'), ...extra];
  return pkgs.length ? [run(installCommands(image.pkg, pkgs))] : [];
}

/** USER, EXPOSE, HEALTHCHECK and CMD: the end of every runtime stage. */
export function runtimeTail(input: DockerfileInput, image: BaseImage, health: HealthProbe, cmd: string[], opts: { entrypoint?: string[]; startPeriod?: string } = {}): string[] {
  const { port, healthPath, app, portDefaulted } = input.plan;
  const lines = [...writableDirs(input)];
  if (port !== null && portDefaulted) lines.push(`# No listening port detected: the app reads PORT, set to ${port} (the usual port for ${app.ecosystem} apps).`);
  // Some stages set PORT in their own ENV line (their module says so).
  if (port !== null && reads(app, 'PORT') && !input.plan.ecosystem.runtime.setsOwnPort) lines.push(`ENV PORT=${port}`);
  lines.push(`USER ${userSpec(input)}`);
  if (port !== null) {
    lines.push(`EXPOSE ${port}`);
    lines.push(healthcheck(health, image, port, healthPath, opts.startPeriod));
  }
  if (opts.entrypoint) lines.push(`ENTRYPOINT ${execForm(opts.entrypoint)}`);
  lines.push(`CMD ${execForm(cmd)}`);
  return lines;
}

export function versionComment(choice: ImageChoice): string[] {
  return [choice.note];
}

/** `type=cache,target=…` mounts when the option is on (BuildKit only), else none. */
export function cache(input: DockerfileInput, ...targets: string[]): string[] {
  return input.cacheMounts ? targets.map((t) => `type=cache,target=${t}`) : [];
}

/** The lockfile path relative to the app, when detection found one. */
export function lockfileOf(input: DockerfileInput): string | undefined {
  return input.plan.lockfile;
}

/** `COPY a b ./` (deduplicated, in order). */
export function copyManifests(files: (string | undefined)[], dest = './'): string {
  const list = [...new Set(files.filter((f): f is string => Boolean(f)))];
  return `COPY ${list.join(' ')} ${dest}`;
}

/** Folders the app writes to at run time, owned by the app user (emptyDirs in Kubernetes); after the COPYs. */
export function writableDirs(input: DockerfileInput): string[] {
  const dirs = input.plan.writablePaths.filter((p) => p !== '/tmp');
  if (dirs.length === 0) return [];
  return [run([`mkdir -p ${dirs.join(' ')}`, `chown ${input.plan.uid}:${gidOf(input)} ${dirs.join(' ')}`])];
}
