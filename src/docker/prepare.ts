// From a folder to what `up` runs: detect the app, take its Dockerfile from disk or from generation (held
// in memory, never written here), read the generated compose plan for backing services and service URLs,
// and merge them with the app's `.env`. No engine contact happens here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../core/errors';
import { detect } from '../core/detect';
import { generate, type GenerateResult } from '../core/generate';
import type { AppProfile } from '../core/model';
import { DiskRepo } from '../core/repo';
import { readComposePlan, type ServiceSpec } from './compose-plan';
import { parseEnvFile } from './envfile';
import { readInsideText } from '../core/safe-read';
import { dockerName } from './labels';
import type { UpApp } from './up';
import { loadConstraints, type LoadedConstraints } from '../core/twin/load';

export interface PreparedUp {
  project: string;
  root: string;
  profile: AppProfile;
  app: UpApp;
  services: ServiceSpec[];
  env: Record<string, string>;
  /** Lines to tell the user (which Dockerfile, env overrides…). */
  notes: string[];
  /** The app's Deployment as run constraints (committed manifests first, else the generated plan). */
  manifests: LoadedConstraints;
  /** The app's `.env` (Secret references are filled from it; never printed). */
  dotenv: Record<string, string>;
}

export interface PrepareOptions {
  /** Absolute scanned root and how to display it. */
  root: string;
  display: string;
  /** `--app PATH`, relative to the root. */
  appPath?: string;
  withServices: boolean;
  /** Variables for `${VAR}` in the compose plan (compose reads the shell env too). */
  shellEnv?: NodeJS.ProcessEnv;
}

export function prepareUp(opts: PrepareOptions): PreparedUp {
  const repo = new DiskRepo(opts.root, opts.display);
  const detected = detect(repo);
  const profile = pickApp(detected.apps, opts.appPath, opts.display);
  const appDir = path.join(opts.root, profile.path);
  const notes: string[] = [];

  let generated: GenerateResult | undefined;
  let generateError: string | undefined;
  try {
    generated = generate(detected, { family: 'debian', k8sDir: 'deploy/k8s' });
  } catch (err) {
    generateError = err instanceof Error ? err.message : String(err);
  }
  const forApp = (kind: string) => generated?.files.find((f) => f.kind === kind && (f.app ?? '.') === profile.path);
  const compose = generated?.files.find((f) => f.kind === 'compose');
  const dotenvFile = path.join(appDir, '.env');
  // A .env that links outside the workspace (~/.aws/credentials) is not read into the container.
  const dotenvRead = readInsideText(opts.root, dotenvFile);
  if (dotenvRead.outside) notes.push(`${rel(profile.path, '.env')} ignored: it is a link to ${dotenvRead.outside}, outside ${opts.display}`);
  const dotenv = dotenvRead.text !== undefined ? parseEnvFile(dotenvRead.text) : {};
  const plan = compose ? readComposePlan(compose.content, { ...(opts.shellEnv ?? process.env), ...dotenv }) : undefined;
  const entry = plan?.apps.find((a) => appDirOf(a) === profile.path) ?? (plan?.apps.length === 1 ? plan.apps[0] : undefined);

  const app: UpApp = { name: profile.name, dir: appDir, port: profile.port?.value ?? null };
  if (fs.existsSync(path.join(appDir, 'Dockerfile'))) {
    notes.push(`using ${rel(profile.path, 'Dockerfile')} from disk`);
  } else {
    const dockerfile = forApp('dockerfile');
    if (!dockerfile) {
      throw new UserError(
        `${rel(profile.path, 'Dockerfile')} does not exist and Parity could not generate one${generateError ? `: ${generateError}` : ''}`,
        'Write a Dockerfile, or run `parity generate --write` once generation supports this app.',
      );
    }
    app.dockerfileContent = dockerfile.content;
    // A workspace member builds from the workspace root (the generated compose plan says which folder).
    const contextRel = entry && appDirOf(entry) === profile.path ? entry.context : profile.path;
    app.dir = path.join(opts.root, contextRel);
    notes.push(`using the generated Dockerfile (in memory; \`parity generate --write\` keeps it)${contextRel !== profile.path ? `, built from ${contextRel === '.' ? 'the workspace root' : contextRel}` : ''}`);
  }
  if (!fs.existsSync(path.join(app.dir, '.dockerignore'))) {
    const contextRel = path.relative(opts.root, app.dir).split(path.sep).join('/') || '.';
    const ignore = generated?.files.find((f) => f.kind === 'dockerignore' && f.path === (contextRel === '.' ? '.dockerignore' : `${contextRel}/.dockerignore`));
    if (ignore) app.dockerignoreContent = ignore.content;
  }

  if (Object.keys(dotenv).length) notes.push(`env from ${rel(profile.path, '.env')}: ${Object.keys(dotenv).sort().join(', ')}`);
  const env: Record<string, string> = { ...dotenv };
  let services: ServiceSpec[] = [];

  if (plan && opts.withServices) {
    const needed = new Set(entry?.dependsOn ?? plan.services.map((s) => s.name));
    services = plan.services.filter((s) => needed.has(s.name));
    for (const [k, v] of Object.entries(entry?.env ?? {})) {
      if (v === '' && env[k] !== undefined) continue; // an unset ${SECRET} does not erase the .env value
      if (env[k] !== undefined && env[k] !== v) notes.push(`${k}: the service value replaces the one in .env (inside the network the service is '${hostOf(v)}')`);
      env[k] = v;
    }
  } else if (!opts.withServices && profile.services.length) {
    notes.push(`not starting ${profile.services.map((s) => s.value).join(', ')} (--no-services)`);
  }
  const manifests = loadConstraints(repo, profile, generated?.files.filter((f) => f.kind === 'kubernetes' && (f.app ?? '.') === profile.path) ?? []);
  return { project: dockerName(path.basename(opts.root)), root: opts.root, profile, app, services, env, notes, manifests, dotenv };
}

function pickApp(apps: AppProfile[], appPath: string | undefined, display: string): AppProfile {
  if (apps.length === 0) throw new UserError(`no deployable app found under ${display}`, 'Run `parity detect` to see what Parity looks for.');
  if (appPath !== undefined) {
    const want = appPath.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '') || '.';
    const hit = apps.find((a) => a.path === want);
    if (!hit) throw new UserError(`--app ${appPath}: no app there`, `Apps found: ${apps.map((a) => a.path).join(', ')}`);
    return hit;
  }
  if (apps.length > 1) throw new UserError(`${display} holds ${apps.length} apps`, `Pick one with --app: ${apps.map((a) => a.path).join(', ')}`);
  return apps[0];
}

/** The app folder a compose build entry belongs to: its Dockerfile's folder, else its context. */
function appDirOf(entry: { context: string; dockerfile?: string }): string {
  if (!entry.dockerfile) return entry.context;
  const joined = path.posix.normalize(path.posix.join(entry.context, path.posix.dirname(entry.dockerfile)));
  return joined === '' ? '.' : joined;
}

function rel(appPath: string, file: string): string {
  return appPath === '.' ? file : `${appPath}/${file}`;
}

function hostOf(value: string): string {
  try {
    return new URL(value).hostname || value;
  } catch {
    return value;
  }
}
