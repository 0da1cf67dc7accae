// Everything Parity knows about one ecosystem, as one typed module (ecosystems/<id>/index.ts). The engines
// (detect/, generate/, drift/, platform/) take these facts from the registry (ecosystems/index.ts) and
// name no ecosystem themselves. To add an ecosystem, see docs/architecture.md ("Add an ecosystem").
import type { AppProfile, Ecosystem, Family } from './model';
import type { Provider } from './detect/provider';
import type { DockerfileInput } from './generate/dockerfile/context';
import type { Stage } from './generate/dockerfile/render';
import type { AppShape } from './generate/plan';
import type { Resources } from './generate/kube/resources';
import type { ImageTable } from './platform/image-rules';
import type { DependencyTables } from './platform/system-packages';
import type { PinReader } from './pins';

export interface EcosystemModule<Id extends Ecosystem = Ecosystem> {
  readonly id: Id;
  /** Name in messages ("Node.js", ".NET"). */
  readonly label: string;

  // ---- detection ----
  /** Markers, `matches` and `profile` (facts with sources). */
  readonly detect: Provider;
  /**
   * This ecosystem's marker inside another app's folder is that app's assets, not an app of its own, and
   * does not cut a folder out of its parent (static: a bare index.html).
   */
  readonly markerIsAssetInsideApps?: boolean;
  /** Every version pin of the project (detection takes the winner, drift checks all of them). */
  readonly pins: PinReader;
  /** Dependency names → backing services and native system packages (see platform/system-packages). */
  readonly dependencies: DependencyTables;

  // ---- generation ----
  /** This ecosystem's Dockerfile stages, the runtime stage last. */
  readonly dockerfile: (input: DockerfileInput) => Stage[];
  /** Base images per family, tag rules, and the image names that carry this runtime. */
  readonly images: ImageTable;
  /** .dockerignore entries for an app of this ecosystem (dependencies, build output). */
  readonly dockerignore: (app: AppProfile) => string[];
  readonly runtime: RuntimeFacts;
  /** Kubernetes requests/limits for a small service of this ecosystem. */
  readonly resources: Resources;

  // ---- drift ----
  /** The runtime on a developer's machine: binary and how to read its version (absent: nothing to probe). */
  readonly host?: { binary: string; args: string[]; version: RegExp };
  /** What a version mismatch breaks, and how a developer switches, in this ecosystem's terms. */
  readonly versionHints?: {
    /** The image is below the pinned floor (Java: UnsupportedClassVersionError). */
    belowFloor?: string;
    /** The image differs from the exact pin (Node: native modules built for another ABI). */
    mismatch?: string;
    /** How to switch the local runtime. */
    switchLocally?: string;
  };
}

/** How an app of this ecosystem runs in its container. */
export interface RuntimeFacts {
  /** The port an app that reads PORT gets when none was detected. */
  defaultPort: number;
  /** The container always listens here, whatever the app says (Apache, nginx). */
  fixedPort?: number;
  /** The shape when this ecosystem decides it (static site, SPA, always a server); else server/worker by port. */
  shape?: (app: AppProfile) => AppShape | undefined;
  /**
   * Env vars the generated image sets itself (ENV in the runtime stage): the manifests and compose never
   * re-declare them, where an empty or different value would override the image's.
   */
  imageEnv?: string[];
  /** The runtime stage sets PORT in its own ENV line (else the shared tail does, when the app reads it). */
  setsOwnPort: boolean;
  /** Seconds a slow starter may take before liveness applies (startup probe). */
  startupSeconds: number;
  /** Folders the app writes at run time besides /tmp (emptyDirs), `inContext` = app folder in the context. */
  writablePaths?: (app: AppProfile, family: Family, inContext: string) => string[];
  /**
   * The build context when it is not the app folder (a workspace root holding the lockfile or go.work),
   * relative to the scanned root; undefined: the app folder.
   */
  buildContext?: (app: AppProfile, dir: string, repo: { readText(path: string): string | undefined } | undefined) => string | undefined;
  /** A lockfile above the app belongs to a workspace this ecosystem builds from its root (no warning). */
  outerLockfileIsWorkspace?: boolean;
}
