// Everything the rules look at, gathered once: the project's units (an app folder with its Dockerfile,
// Kubernetes objects, compose services and own files), the three environments, and native artifacts.
// A unit is a detected app, or any folder holding a Dockerfile (so drift works even where detection has
// nothing to say), or the root.
import type { RepoReader } from '../repo';
import { dirOf } from '../repo';
import type { AppProfile, Evidence } from '../model';
import { parseDockerfile, finalStage, type ParsedDockerfile } from '../manifests/dockerfile';
import { addKubeFile, emptyKube, looksLikeKube, type KubeObjects } from '../manifests/kube';
import { parseCompose, COMPOSE_FILES, type ComposeService } from '../manifests/compose';
import { distroFromImage, findDistro, distroFromOsRelease, type Distro } from '../platform/distros';
import { isSource, scanSources, type UnitScan } from './scan';
import type { HostInfo, ImageInfo, JavaClass, NativeArtifact, TargetInfo, WheelArtifact } from './types';

export interface DriftInput {
  repo: RepoReader;
  /** Detected apps; when omitted or empty, units come from Dockerfiles and the root. */
  apps?: AppProfile[];
  target: TargetInfo;
  host?: HostInfo;
  image?: ImageInfo;
  /** Native artifacts and wheels found in the project on disk (src/probe/artifacts.ts). */
  artifacts?: NativeArtifact[];
  wheels?: WheelArtifact[];
  /** A compiled class per build-output folder (target/classes, build/classes). */
  javaClasses?: JavaClass[];
}

export interface Unit {
  /** Folder relative to the root, '' for the root. */
  dir: string;
  app?: AppProfile;
  dockerfile?: ParsedDockerfile;
  kube: KubeObjects;
  compose: ComposeService[];
  /** This unit's files (relative to the root), without those of nested units. */
  files: string[];
}

/** Where the unit's code runs: the probed image, the Dockerfile's final base, or the target itself. */
export interface RuntimeEnv {
  label: string;
  libc: 'glibc' | 'musl' | 'unknown';
  libcVersion?: string;
  distro?: Distro;
  evidence: Evidence;
  kind: 'image' | 'dockerfile' | 'target';
}

export class DriftContext {
  readonly units: Unit[];
  readonly artifacts: NativeArtifact[];
  readonly wheels: WheelArtifact[];
  readonly files: readonly string[];
  private readonly fileSet: Set<string>;

  constructor(readonly input: DriftInput) {
    this.files = input.repo.files();
    this.fileSet = new Set(this.files);
    this.artifacts = [...(input.artifacts ?? []), ...(input.image?.artifacts ?? [])];
    this.wheels = [...(input.wheels ?? []), ...(input.image?.wheels ?? [])];
    this.units = buildUnits(input.repo, this.files, input.apps ?? []);
  }

  get repo(): RepoReader { return this.input.repo; }
  get target(): TargetInfo { return this.input.target; }
  get host(): HostInfo | undefined { return this.input.host; }
  get image(): ImageInfo | undefined { return this.input.image; }

  private readonly scans = new Map<Unit, UnitScan>();

  /** Text of a project file (callers that read many files twice share a CachingRepo). */
  read(file: string): string | undefined {
    return this.input.repo.readText(file);
  }

  /** One pass over a unit's sources for everything the code-scanning rules need (memoized). */
  scan(unit: Unit): UnitScan {
    let s = this.scans.get(unit);
    if (!s) {
      s = scanSources(this.sources(unit), (f) => this.read(f));
      this.scans.set(unit, s);
    }
    return s;
  }

  /** Source files of a unit (tests and declaration files left out). */
  sources(unit: Unit): string[] {
    return unit.files.filter(isSource);
  }

  has(file: string): boolean {
    return this.fileSet.has(file);
  }

  /** The unit a project file belongs to (deepest unit folder containing it). */
  unitOf(file: string): Unit | undefined {
    let best: Unit | undefined;
    for (const u of this.units) if ((u.dir === '' || file.startsWith(u.dir + '/')) && (!best || u.dir.length > best.dir.length)) best = u;
    return best;
  }

  /** Where code of this unit runs (see RuntimeEnv). With several units and one --image, the image applies to all. */
  runtimeOf(unit: Unit | undefined): RuntimeEnv {
    const img = this.image;
    if (img) {
      const distro = img.distro ? findDistro(img.distro) : undefined;
      return { label: `image ${img.ref}`, libc: img.libc.family, libcVersion: img.libc.version, distro, evidence: { image: img.ref, path: img.libc.source }, kind: 'image' };
    }
    const df = unit?.dockerfile;
    const stage = df && finalStage(df);
    if (df && stage) {
      const guess = distroFromImage(stage.baseImage);
      if (guess) return { label: `base image ${stage.baseImage}`, libc: guess.distro.libc, libcVersion: guess.distro.libcVersion, distro: guess.distro, evidence: { file: df.path, line: stage.fromLine, excerpt: df.lines[stage.fromLine - 1] }, kind: 'dockerfile' };
    }
    const t = this.target;
    const d = t.distro;
    return { label: `target ${t.name} (${d?.name ?? t.os})`, libc: d?.libc ?? 'unknown', libcVersion: d?.libcVersion, distro: d, evidence: { file: targetFile(t.source), excerpt: `${t.source}: os ${t.os}` }, kind: 'target' };
  }
}

/** The file a target came from: parity.yaml (also for the assumed default) or the kubeconfig. */
function targetFile(source: string): string {
  if (source.startsWith('kubeconfig')) return 'kubeconfig';
  if (source.startsWith('default')) return 'parity.yaml';
  return source.split(' > ')[0];
}

/** Evidence naming the target and what about it matters. */
export function targetEvidence(t: TargetInfo, what: string): Evidence {
  return { file: targetFile(t.source), excerpt: `${t.source}: ${what}` };
}

const DOCKERFILE = /(^|\/)(Dockerfile|Containerfile)$/;

function buildUnits(repo: RepoReader, files: readonly string[], apps: AppProfile[]): Unit[] {
  const dirs = new Set<string>(apps.map((a) => (a.path === '.' ? '' : a.path)));
  for (const f of files) if (DOCKERFILE.test(f)) dirs.add(dirOf(f));
  dirs.add('');
  const sorted = [...dirs].sort((a, b) => b.length - a.length);
  const byDir = new Map<string, Unit>();
  for (const dir of [...dirs].sort()) byDir.set(dir, { dir, app: apps.find((a) => (a.path === '.' ? '' : a.path) === dir), kube: emptyKube(), compose: [], files: [] });
  for (const f of files) {
    const owner = sorted.find((d) => d === '' || f.startsWith(d + '/'))!;
    byDir.get(owner)!.files.push(f);
  }
  const looseKube: { file: string; text: string }[] = [];
  for (const unit of byDir.values()) {
    const dfPath = unit.files.find((f) => DOCKERFILE.test(f) && dirOf(f) === unit.dir);
    const dfText = dfPath ? repo.readText(dfPath) : undefined;
    if (dfPath && dfText !== undefined) unit.dockerfile = parseDockerfile(dfPath, dfText);
    for (const f of unit.files) {
      const base = f.slice(f.lastIndexOf('/') + 1);
      if (COMPOSE_FILES.includes(base)) {
        const text = repo.readText(f);
        if (text) unit.compose.push(...parseCompose(f, text));
      } else if (/\.ya?ml$/.test(f) && base !== 'parity.yaml' && !f.includes('.github/') && !/(^|\/)(\.gitlab-ci|pnpm-lock|pnpm-workspace|mkdocs|\.pre-commit-config)/.test(f) && !/(^|\/)(templates)\//.test(f)) {
        const text = repo.readText(f);
        if (text && looksLikeKube(text)) {
          if (unit.dir === '' && byDir.size > 1) looseKube.push({ file: f, text });
          else addKubeFile(unit.kube, f, text);
        }
      }
    }
  }
  // Manifests in a shared folder (k8s/, deploy/) of a monorepo: each workload goes to the unit whose folder
  // name its image or name mentions; with one real unit, all of them go there.
  const units = [...byDir.values()];
  const real = units.filter((u) => u.dir !== '' && (u.dockerfile || u.app));
  for (const { file, text } of looseKube) {
    const all = emptyKube();
    addKubeFile(all, file, text);
    for (const u of units) {
      if (u.dir === '') continue;
      const name = u.dir.slice(u.dir.lastIndexOf('/') + 1).toLowerCase();
      const mine = all.workloads.filter((w) => real.length === 1 || w.name.toLowerCase().includes(name) || w.containers.some((c) => (c.image ?? '').toLowerCase().includes(name)));
      if (!mine.length) continue;
      u.kube.workloads.push(...mine);
      u.kube.services.push(...all.services.filter((s) => mine.some((w) => matchesSelector(s.selector, w.podLabels))));
      Object.assign(u.kube.data, all.data);
      u.kube.restrictedNamespaces.push(...all.restrictedNamespaces);
      if (!u.kube.files.includes(file)) u.kube.files.push(file);
    }
    const root = byDir.get('')!;
    Object.assign(root.kube.data, all.data);
    root.kube.errors.push(...all.errors);
  }
  // ConfigMaps/Secrets anywhere in the repo resolve envFrom references.
  const data = Object.assign({}, ...units.map((u) => u.kube.data));
  for (const u of units) u.kube.data = data;
  return units.filter((u) => u.dir === '' || u.dockerfile || u.app || u.kube.files.length).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

export function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** TargetInfo from a parity.yaml target spec (no cluster). */
export function targetFromSpec(spec: { name: string; os: string; arch: string; runtime: TargetInfo['runtime']; source: string }): TargetInfo {
  return { name: spec.name, source: spec.source, runtime: spec.runtime, os: spec.os, distro: findDistro(spec.os) ?? distroFromOsRelease(spec.os.replace(/[\d.]+$/, ''), /[\d.]+$/.exec(spec.os)?.[0]), arch: spec.arch };
}
