// The facts every generated file of one app must agree on (port, UID, health path, env wiring, writable
// paths), decided once here so the Dockerfile, the manifests and compose cannot drift apart.
import type { AppProfile, EnvVarUse } from '../model';
import type { EcosystemModule } from '../ecosystem';
import type { GenerateOptions } from './index';
import { wiredServiceVars, type ServiceVar } from './services';

/** The fixed non-root UID/GID of every generated image. */
export const APP_UID = 10001;

export type AppShape = 'server' | 'spa' | 'static' | 'worker';

export interface AppPlan {
  app: AppProfile;
  /** Everything Parity knows about the app's ecosystem. */
  ecosystem: EcosystemModule;
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

export const SPA_HEALTH = '/healthz';

const FILE_SHAPES: ReadonlySet<AppShape> = new Set(['spa', 'static']);

/** nginx serves the app's files (a static site or a single-page app's build output). */
export function servesFiles(shape: AppShape): boolean {
  return FILE_SHAPES.has(shape);
}

export function shapeOf(app: AppProfile, eco: EcosystemModule): AppShape {
  const own = eco.runtime.shape?.(app);
  if (own) return own;
  // Reading PORT means listening on it, even when the value it falls back to was not found.
  if (app.port || reads(app, 'PORT')) return 'server';
  return 'worker';
}

/** Env vars the generated image itself sets (its module's list): manifests and compose never re-declare them. */
export function imageSetsEnv(eco: EcosystemModule, name: string): boolean {
  return eco.runtime.imageEnv?.includes(name) ?? false;
}

/**
 * The app cannot run without it. Optional vars — a default in code, or only switched on when present —
 * are never wired as `VAR: ""` / `${VAR}`: an empty string is truthy in Ruby, fails a Joi number check and
 * turns on `if "X" in os.environ`.
 */
export function isRequired(e: EnvVarUse): boolean {
  return e.required ?? !e.hasDefault;
}

export function planApp(app: AppProfile, name: string, options: GenerateOptions, eco: EcosystemModule): AppPlan {
  const shape = shapeOf(app, eco);
  const fixed = eco.runtime.fixedPort;
  const port = shape === 'spa' ? SPA_PORT : fixed ?? (shape === 'server' ? (app.port?.value ?? eco.runtime.defaultPort) : null);
  const portDefaulted = shape === 'server' && fixed === undefined && !app.port;
  const healthPath = servesFiles(shape) ? SPA_HEALTH : (app.healthPath?.value ?? null);
  const svc = wiredServiceVars(app.env, [...new Set(app.services.map((s) => s.value))].sort());
  const wired = new Set(svc.map((v) => v.name));
  const rest = app.env.filter((e) => !wired.has(e.name) && !imageSetsEnv(eco, e.name));
  const dir = app.path === '.' ? '' : app.path;
  const rawLock = app.lockfile?.value ?? undefined;
  const context = eco.runtime.buildContext?.(app, dir, options.repo) ?? dir;
  const above = Boolean(rawLock?.startsWith('../'));
  // From a workspace root the Dockerfile copies the root's lockfile; a lockfile above an app built from its
  // own folder is out of reach; the app's own lockfile is not used from a workspace root (go.work).
  const lockfile = context !== dir ? (above ? lockfileName(rawLock) : undefined) : above ? undefined : rawLock;
  return {
    app,
    ecosystem: eco,
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
    writablePaths: writablePaths(app, eco, shape, options.family, context === dir ? '' : context ? dir.slice(context.length + 1) : dir),
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
export function goWorkspace(app: AppProfile, dir: string, repo: { readText(path: string): string | undefined } | undefined): string | undefined {
  const parts = dir ? dir.split('/') : [];
  if (repo) {
    for (let i = parts.length; i >= 0; i--) {
      const at = parts.slice(0, i).join('/');
      if (repo.readText(joinPath(at, 'go.work')) !== undefined) return at === dir ? undefined : at;
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

function writablePaths(app: AppProfile, eco: EcosystemModule, shape: AppShape, family: GenerateOptions['family'], inContext: string): string[] {
  if (servesFiles(shape)) return ['/tmp'];
  return ['/tmp', ...(eco.runtime.writablePaths?.(app, family, inContext) ?? [])];
}

/** `apps/api` + `Dockerfile` → `apps/api/Dockerfile`. */
export function joinPath(dir: string, ...parts: string[]): string {
  return [dir, ...parts].filter((p) => p && p !== '.').join('/').replace(/\/+/g, '/');
}

/** Does the app read an env var of this name? */
export function reads(app: AppProfile, name: string): EnvVarUse | undefined {
  return app.env.find((e) => e.name === name);
}
