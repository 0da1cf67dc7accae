// The shapes every part of Parity speaks. The JSON printed by `parity detect --json` is exactly these
// objects, so renaming a key here is a breaking change for users' scripts.

/** A detected fact and where it came from, e.g. `{ value: "20", source: "package.json > engines.node" }`. */
export interface Fact<T> {
  value: T;
  /** `"file > json.path"`, `"file:line"`, or `"default (reason)"` for framework/ecosystem defaults. */
  source: string;
}

export { ECOSYSTEMS, type Ecosystem } from './ecosystems/ids';
import type { Ecosystem } from './ecosystems/ids';

export const PACKAGE_MANAGERS = [
  'npm', 'yarn', 'pnpm', 'bun', 'pip', 'poetry', 'pipenv', 'uv', 'pdm', 'maven', 'gradle', 'go', 'bundler',
  'composer', 'dotnet', 'cargo',
] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export const SERVICES = ['postgres', 'mysql', 'redis', 'mongodb', 'rabbitmq', 'kafka', 'elasticsearch', 'memcached'] as const;
export type ServiceKind = (typeof SERVICES)[number];

/** A backing service; `optional` ones (behind a profile, an `if`, a non-default connection) are not started by default. */
export interface ServiceFact extends Fact<ServiceKind> { optional?: boolean }

/** web: serves HTTP/TCP (Service + probes); worker: long-running, no port; job: runs to completion (Job/CronJob); static: files. */
export const WORKLOAD_KINDS = ['web', 'worker', 'job', 'static'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const FAMILIES = ['debian', 'rhel', 'alpine'] as const;
export type Family = (typeof FAMILIES)[number];

export interface EnvVarUse {
  name: string;
  /** Name looks like a credential (PASSWORD, SECRET, TOKEN, KEY…): generated manifests use Secret refs. */
  secret: boolean;
  /** The code supplies a fallback (`process.env.X || 'y'`, `os.getenv("X", "y")`), so it is optional. */
  hasDefault: boolean;
  /** The app cannot run without it (no default, not merely switched on when present). Absent: `!hasDefault`. */
  required?: boolean;
  source: string;
}

export interface SystemPackages { build: string[]; runtime: string[] }

export interface NativeDep {
  /** The ecosystem package that needs system libraries, e.g. `sharp` or `psycopg2`. */
  package: string;
  source: string;
  systemPackages: Record<Family, SystemPackages>;
}

/** Files that already exist for the app; later steps compare against them instead of clobbering. */
export interface ExistingArtifacts {
  dockerfile?: ExistingDockerfile;
  compose?: string[];
  kubernetes?: string[];
}

export interface ExistingDockerfile {
  path: string;
  /** Every `FROM` image with its line (1-based), in order. */
  from: { image: string; line: number; stage?: string }[];
  expose: { port: number; line: number }[];
  user?: { value: string; line: number };
  env: { name: string; line: number }[];
  cmd?: { value: string; line: number };
}

export interface AppProfile {
  /** Folder of the app relative to the scanned root, `"."` for the root itself, always with `/`. */
  path: string;
  name: string;
  ecosystem: Ecosystem;
  runtimeVersion: Fact<string> | null;
  packageManager: Fact<PackageManager> | null;
  framework: Fact<string> | null;
  /** Command that builds the app (e.g. `npm run build`), null when there is no build step. */
  build: Fact<string> | null;
  /** Command that starts the app in production. */
  start: Fact<string> | null;
  port: Fact<number> | null;
  env: EnvVarUse[];
  services: ServiceFact[];
  nativeDeps: NativeDep[];
  // ---- additions beyond the published `detect --json` contract ----
  /** What kind of workload the app is. */
  kind?: Fact<WorkloadKind>;
  /** Name of a further process of the same code (Procfile `worker:`/`release:`, a compose service). */
  process?: string;
  /** Lockfile relative to the app folder (copied before sources in generated Dockerfiles). */
  lockfile?: Fact<string> | null;
  /** HTTP path that answers health checks, when the code declares one (`/healthz`, `/health`…). */
  healthPath?: Fact<string> | null;
  /** Where a static site / SPA build writes its files (`dist`, `build`, `out`…). */
  outputDir?: Fact<string> | null;
  /** Go: cgo in use; Rust/Go/Java/.NET: binary or artifact name. */
  cgo?: Fact<boolean> | null;
  binary?: Fact<string> | null;
  existing?: ExistingArtifacts;
}

export interface Warning { file: string; message: string }

export interface DetectResult {
  root: string;
  apps: AppProfile[];
  warnings: Warning[];
}

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding's evidence is: a line of a project file, or a path inside an image. */
export type Evidence = { file: string; line?: number; excerpt?: string } | { image: string; path: string; excerpt?: string };

export interface TextEdit {
  /** File relative to the scanned root. */
  file: string;
  /** 1-based line to replace; with `insert: true` the text is inserted before it (line = count+1 appends). */
  line: number;
  insert?: boolean;
  newText: string;
}

export interface Finding {
  /** Rule id from the drift catalog, e.g. `GLIBC_FLOOR`. */
  id: string;
  severity: Severity;
  title: string;
  message: string;
  evidence: Evidence[];
  fix: { text: string; edits?: TextEdit[] };
  /** App folder the finding belongs to (`"."` for the root app). */
  app?: string;
}
