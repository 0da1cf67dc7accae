// The facts every generated file of one app must agree on (port, UID, health path, env wiring, writable
// paths), decided once here so the Dockerfile, the manifests and compose cannot drift apart.
import type { AppProfile, EnvVarUse } from '../model';
import type { GenerateOptions } from './index';
import { wiredServiceVars, type ServiceVar } from './services';

/** The fixed non-root UID/GID of every generated image. */
export const APP_UID = 10001;

export type AppShape = 'server' | 'spa' | 'static' | 'worker';

export interface AppPlan {
  app: AppProfile;
  /** DNS-1123 name used for the image, Kubernetes objects and the compose service. */
  name: string;
  /** The app folder relative to the scanned root, `''` for the root. */
  dir: string;
  /**
   * The build context relative to the scanned root: the app folder, or the workspace root when the
   * lockfile lives there (`../../package-lock.json`), so the build can see it.
   */
  context: string;
  /** The app folder relative to the build context (`''` when they are the same). */
  inContext: string;
  /**
   * The lockfile as the Dockerfile copies it (relative to the app, or to the workspace root for members),
   * undefined when there is none or it sits above an app whose ecosystem Parity cannot build as a workspace.
   */
  lockfile: string | undefined;
  shape: AppShape;
  /** Port the container listens on (SPA and static sites: nginx on 8080); null for workers. */
  port: number | null;
  /** The app reads PORT but no port was detected: `port` is the ecosystem's usual one, set through PORT. */
  portDefaulted: boolean;
  healthPath: string | null;
  uid: number;
  image: string;
  /** Env vars the app needs: wired to backing services, plain config, or secrets. */
  env: {
    services: ServiceVar[];
    config: EnvVarUse[];
    secrets: EnvVarUse[];
    /** Vars the code reads with a fallback: not wired, listed in a comment. */
    optional: EnvVarUse[];
  };
  /** Extra writable folders (emptyDir in Kubernetes since the root filesystem is read-only). */
  writablePaths: string[];
}

export const SPA_PORT = 8080;

/** The port an app that reads PORT is given when none was detected: its ecosystem's usual one. */
export const DEFAULT_PORTS: Record<AppProfile['ecosystem'], number> = {
  node: 3000, python: 8000, ruby: 3000, go: 8080, java: 8080, dotnet: 8080, rust: 8080, php: 8080, static: 8080,
};
export const SPA_HEALTH = '/healthz';

export function shapeOf(app: AppProfile): AppShape {
  if (app.ecosystem === 'static') return 'static';
  if (app.ecosystem === 'node' && !app.start && app.build && app.outputDir) return 'spa';
  // Reading PORT means listening on it, even when the value it falls back to was not found.
  if (app.port || app.ecosystem === 'php' || reads(app, 'PORT')) return 'server';
  return 'worker';
}

/**
 * Env vars the generated image itself sets (ENV in the runtime stage): the manifests and compose never
 * re-declare them, where an empty or different value would override the image's.
 */
const IMAGE_ENV: Partial<Record<AppProfile['ecosystem'], string[]>> = {
  node: ['NODE_ENV', 'NEXT_TELEMETRY_DISABLED', 'HOSTNAME'],
  python: ['PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE'],
  dotnet: ['ASPNETCORE_URLS'],
};

/**
 * The app cannot run without it. Optional vars — a default in code, or only switched on when present —
 * are never wired as `VAR: ""` / `${VAR}`: an empty string is truthy in Ruby, fails a Joi number check and
 * turns on `if "X" in os.environ`.
 */
export function imageSetsEnv(ecosystem: AppProfile['ecosystem'], name: string): boolean {
  return IMAGE_ENV[ecosystem]?.includes(name) ?? false;
}

export function isRequired(e: EnvVarUse): boolean {
  return e.required ?? !e.hasDefault;
}

export function planApp(app: AppProfile, name: string, options: GenerateOptions): AppPlan {
  const shape = shapeOf(app);
  const port = shape === 'spa' || shape === 'static' || app.ecosystem === 'php' ? SPA_PORT : shape === 'server' ? (app.port?.value ?? DEFAULT_PORTS[app.ecosystem]) : null;
  const portDefaulted = shape === 'server' && app.ecosystem !== 'php' && !app.port;
  const healthPath = shape === 'spa' || shape === 'static' ? SPA_HEALTH : (app.healthPath?.value ?? null);
  const svc = wiredServiceVars(app.env, [...new Set(app.services.map((s) => s.value))].sort());
  const wired = new Set(svc.map((v) => v.name));
  const rest = app.env.filter((e) => !wired.has(e.name) && !imageSetsEnv(app.ecosystem, e.name));
  const dir = app.path === '.' ? '' : app.path;
  const rawLock = app.lockfile?.value ?? undefined;
  const workspaceCapable = app.ecosystem === 'node' || app.ecosystem === 'rust' || (app.ecosystem === 'python' && app.packageManager?.value === 'uv');
  const context = app.ecosystem === 'go'
    ? goWorkspace(app, dir, options) ?? dir
    : workspaceCapable ? contextDir(dir, rawLock) : dir;
  const above = Boolean(rawLock?.startsWith('../'));
  const lockfile = app.ecosystem === 'go' && context !== dir ? undefined : above ? (context !== dir ? lockfileName(rawLock) : undefined) : rawLock;
  return {
    app,
    name,
    dir,
    context,
    inContext: context === dir ? '' : context ? dir.slice(context.length + 1) : dir,
    lockfile,
    shape,
    port,
    portDefaulted,
    healthPath,
    uid: APP_UID,
    image: `${name}:${options.imageTag ?? 'dev'}`,
    env: {
      services: svc,
      config: rest.filter((e) => !e.secret && isRequired(e) && e.name !== 'PORT'),
      secrets: rest.filter((e) => e.secret),
      optional: rest.filter((e) => !e.secret && !isRequired(e) && e.name !== 'PORT'),
    },
    writablePaths: writablePaths(app, shape, options.family, context === dir ? '' : context ? dir.slice(context.length + 1) : dir),
  };
}

/** The folder holding a lockfile that sits above the app (`../../pnpm-lock.yaml`), else the app folder. */
export function contextDir(dir: string, lockfile: string | undefined): string {
  if (!lockfile || !lockfile.startsWith('../')) return dir;
  const parts = dir ? dir.split('/') : [];
  for (const seg of lockfile.split('/').slice(0, -1)) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * The folder of the go.work that includes a Go app (its modules resolve through it, so the build needs the
 * workspace): found next to or above the app through `options.repo`, or named by the version's source.
 */
export function goWorkspace(app: AppProfile, dir: string, options: GenerateOptions): string | undefined {
  const parts = dir ? dir.split('/') : [];
  if (options.repo) {
    for (let i = parts.length; i >= 0; i--) {
      const at = parts.slice(0, i).join('/');
      if (options.repo.readText(joinPath(at, 'go.work')) !== undefined) return at === dir ? undefined : at;
    }
  }
  const m = /^(?:(.*)\/)?go\.work(?::\d+)?$/.exec(app.runtimeVersion?.source ?? '');
  if (m && (m[1] ?? '') !== dir && (m[1] === undefined || dir.startsWith(m[1] + '/'))) return m[1] ?? '';
  return undefined;
}

/** The lockfile's file name (`../../yarn.lock` → `yarn.lock`). */
export function lockfileName(lockfile: string | null | undefined): string | undefined {
  return lockfile ? lockfile.slice(lockfile.lastIndexOf('/') + 1) : undefined;
}

function writablePaths(app: AppProfile, shape: AppShape, family: GenerateOptions['family'], inContext: string): string[] {
  const paths = ['/tmp'];
  if (shape === 'spa' || shape === 'static') return paths;
  const fw = app.framework?.value.toLowerCase() ?? '';
  if (fw.includes('next')) paths.push(joinPath('/app', inContext, '.next/cache'));
  // Rails writes logs, bootsnap's cache, puma's pid and Active Storage / SQLite files (storage/, Rails 8).
  if (app.ecosystem === 'ruby') paths.push('/app/log', '/app/storage', '/app/tmp/cache', '/app/tmp/pids', '/app/tmp/sockets');
  if (app.ecosystem === 'php') {
    const root = family === 'rhel' ? '/opt/app-root/src' : '/var/www/html';
    if (family !== 'rhel') paths.push('/var/lock/apache2', '/var/run/apache2');
    if (fw.includes('laravel')) paths.push(...['bootstrap/cache', 'storage/framework/cache', 'storage/framework/sessions', 'storage/framework/views', 'storage/logs'].map((d) => `${root}/${d}`));
  }
  return paths;
}

/** `apps/api` + `Dockerfile` → `apps/api/Dockerfile`. */
export function joinPath(dir: string, ...parts: string[]): string {
  return [dir, ...parts].filter((p) => p && p !== '.').join('/').replace(/\/+/g, '/');
}

/** Does the app read an env var of this name? */
export function reads(app: AppProfile, name: string): EnvVarUse | undefined {
  return app.env.find((e) => e.name === name);
}
