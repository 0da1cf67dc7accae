// The three environments drift compares — the developer's host, the built image, the production target —
// and the native artifacts found in the project or the image. Probes (src/probe, src/docker/probe.ts,
// src/kube) fill these in; the rules only read them.
import type { ElfInfo } from '../elf';
import type { PlatformNeed } from '../wheel';
import type { Distro } from '../platform/distros';

export interface LibcInfo {
  family: 'glibc' | 'musl' | 'unknown';
  version?: string;
  /** How it was found (`ldd --version`, `/lib/ld-musl-x86_64.so.1`, `os-release`…). */
  source: string;
}

export interface HostInfo {
  /** os-release ID / VERSION_ID / PRETTY_NAME (Linux), or the platform name elsewhere. */
  os: { id: string; versionId?: string; prettyName?: string };
  distro?: string;
  arch: string;
  libc: LibcInfo;
  /** Runtime → version found on PATH, e.g. `{ node: "20.11.1", python3: "3.11.2" }`. */
  runtimes: Record<string, string>;
}

/** Where an artifact lives: a file of the project (relative to the scanned root) or a path in an image. */
export type ArtifactLocation = { file: string } | { image: string; path: string };

export interface NativeArtifact {
  location: ArtifactLocation;
  format: 'elf' | 'macho' | 'pe';
  elf?: ElfInfo;
  /** Platform named by the path (`prebuilds/linuxmusl-x64`, `@img/sharp-darwin-arm64`…). */
  prebuild?: PlatformNeed;
  /** NODE_MODULE_VERSION of a classic Node addon (`node_register_module_v115` → 115). */
  nodeAbi?: number;
}

/** A compiled Java class of the project's build output and the Java release it needs. */
export interface JavaClass {
  location: ArtifactLocation;
  release: number;
}

export interface WheelArtifact {
  location: ArtifactLocation;
  /** Distribution name from the dist-info folder (`numpy-1.26.4`). */
  name: string;
  needs: PlatformNeed[];
}

export interface ImageInfo {
  ref: string;
  os: string;
  arch: string;
  /** Config.User ('' = root). */
  user: string;
  env: Record<string, string>;
  exposedPorts: number[];
  entrypoint: string[];
  cmd: string[];
  osRelease?: Record<string, string>;
  distro?: string;
  libc: LibcInfo;
  packageDb: 'dpkg' | 'apk' | 'rpm' | 'none';
  /** Installed package names (dpkg/apk; rpm databases are detected but not read). */
  packages: string[];
  /** File names of shared libraries in the library folders (`libpq.so.5`, `libc.so.6`…). */
  libraries: string[];
  hasZoneinfo: boolean;
  runtimes: Record<string, string>;
  artifacts: NativeArtifact[];
  wheels: WheelArtifact[];
}

export interface TargetNode {
  name: string;
  osImage: string;
  architecture: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
}

export interface TargetInfo {
  name: string;
  /** `parity.yaml > targets.prod`, `kubeconfig context kind-prod`, or `default (…)`. */
  source: string;
  runtime: 'kubernetes' | 'vm' | 'docker';
  /** Distro id as configured or recognised from the nodes (`centos7`, `ubuntu22.04`…). */
  os: string;
  distro?: Distro;
  arch: string;
  /** All node architectures, when read from a cluster. */
  arches?: string[];
  nodes?: TargetNode[];
}

export function locationKey(loc: ArtifactLocation): string {
  return 'file' in loc ? loc.file : `${loc.image}:${loc.path}`;
}
