// Base images as data: family × ecosystem × runtime version → build and runtime image tags, with what
// each image has inside (package tool, bash, default user) so generated Dockerfiles only use what exists.
// Tags are always pinned to a version (never `latest`).
import type { Ecosystem, Family } from '../model';
import { compareVersions } from '../version';
import { lookupTag, publishedVariant, splitTag } from './known-tags';

export type PackageTool = 'apt' | 'dnf' | 'microdnf' | 'apk';

export interface BaseImage {
  ref: string;
  pkg: PackageTool;
  /** bash is present (Debian, Ubuntu and UBI images); Alpine has busybox sh. */
  bash: boolean;
  /** The image's default user is not root (UBI language images run as 1001). */
  nonRootDefault?: boolean;
}

export interface ImageChoice {
  build: BaseImage;
  runtime: BaseImage;
  /** The runtime version the tags are pinned to (`20`, `3.12`, `21`, `8.0`…). */
  version: string;
  /** One line for the Dockerfile saying where the version came from. */
  note: string;
  warnings: string[];
}

/** Sensible versions when detection found none (said in a comment in the generated file). */
export const DEFAULT_VERSIONS: Record<Exclude<Ecosystem, 'static'>, string> = {
  node: '22', python: '3.12', go: '1.23', java: '21', ruby: '3.3', php: '8.3', dotnet: '8.0', rust: '1.83',
};

const PINNED = {
  debianSlim: 'debian:bookworm-slim',
  alpine: 'alpine:3.20',
  ubiMinimal: 'registry.access.redhat.com/ubi9/ubi-minimal:9.5',
  ubi: 'registry.access.redhat.com/ubi9/ubi:9.5',
  nginx: { debian: 'nginx:1.27-bookworm', alpine: 'nginx:1.27-alpine', rhel: 'registry.access.redhat.com/ubi9/nginx-124:1' },
  maven: '3.9',
  gradle: '8.10',
  composer: 'composer:2.8',
  bun: '1.1',
};

/** Versions that exist as UBI 9 language images. */
const UBI_VERSIONS: Partial<Record<Ecosystem, string[]>> = {
  node: ['18', '20', '22'],
  python: ['3.9', '3.11', '3.12'],
  java: ['8', '11', '17', '21'],
  ruby: ['3.0', '3.1', '3.3'],
  php: ['8.0', '8.1', '8.2'],
  dotnet: ['6.0', '8.0', '9.0'],
};

/** How many version parts an ecosystem's image tags use: node 20, python 3.12, java 21. */
const PARTS: Record<Exclude<Ecosystem, 'static'>, 1 | 2> = {
  node: 1, java: 1, python: 2, go: 2, ruby: 2, php: 2, dotnet: 2, rust: 2,
};

/**
 * Turns a detected version spec (`>=18`, `^20.1`, `3.12.1`, `~> 3.3`, `1.8`, `net8.0`) into the tag version.
 * A lower bound only (`>=18`) takes the default when the default satisfies it.
 */
export function tagVersion(ecosystem: Exclude<Ecosystem, 'static'>, spec: string | undefined): { version: string; defaulted: boolean } {
  const def = DEFAULT_VERSIONS[ecosystem];
  if (!spec) return { version: def, defaulted: true };
  const m = /(\d+)(?:\.(\d+))?/.exec(spec);
  if (!m) return { version: def, defaulted: true };
  let major = Number(m[1]);
  let minor = m[2] === undefined ? undefined : Number(m[2]);
  if (ecosystem === 'java' && major === 1 && minor !== undefined) {
    major = minor; // 1.8 → 8
    minor = undefined;
  }
  if (ecosystem === 'dotnet' && minor === undefined) minor = 0;
  const parts = PARTS[ecosystem];
  const found = parts === 1 ? `${major}` : `${major}.${minor ?? defaultMinor(ecosystem, major)}`;
  if (/^\s*>/.test(spec) && !/</.test(spec) && compareVersions(def, found) >= 0) return { version: def, defaulted: false };
  return { version: found, defaulted: false };
}

function defaultMinor(ecosystem: Ecosystem, major: number): number {
  const def = DEFAULT_VERSIONS[ecosystem as Exclude<Ecosystem, 'static'>];
  const [dMajor, dMinor] = def.split('.').map(Number);
  return dMajor === major ? dMinor : 0;
}

/** The smallest available version ≥ wanted, else the largest available. */
function nearest(available: string[], wanted: string): string {
  return available.find((v) => compareVersions(v, wanted) >= 0) ?? available[available.length - 1];
}

const deb = (ref: string): BaseImage => ({ ref, pkg: 'apt', bash: true });
const alp = (ref: string): BaseImage => ({ ref, pkg: 'apk', bash: false });
const ubi = (name: string, pkg: PackageTool = 'dnf'): BaseImage => ({ ref: `registry.access.redhat.com/ubi9/${name}`, pkg, bash: true, nonRootDefault: true });
const ubiMinimal: BaseImage = { ref: PINNED.ubiMinimal, pkg: 'microdnf', bash: true };

export interface ImageRequest {
  family: Family;
  ecosystem: Ecosystem;
  /** The detected runtime version spec and its source, if any. */
  detected?: { value: string; source: string } | null;
  /** Build tool variants: maven/gradle (java), bun (node), `wrapper` when the build uses ./mvnw or ./gradlew. */
  tool?: 'maven' | 'gradle' | 'bun' | 'wrapper';
}

const LABEL: Record<Ecosystem, string> = {
  node: 'Node.js', python: 'Python', go: 'Go', java: 'Java', ruby: 'Ruby', php: 'PHP', dotnet: '.NET', rust: 'Rust', static: 'nginx',
};

/** Build and runtime base images for an app. */
export function imagesFor(req: ImageRequest): ImageChoice {
  const warnings: string[] = [];
  if (req.ecosystem === 'static') {
    const rt = nginxImage(req.family);
    return { build: rt, runtime: rt, version: '1.27', note: 'nginx 1.27 serves the files', warnings };
  }
  const eco = req.ecosystem;
  // A floor is not a pin: `engines.node >=16`, go.mod `go 1.13` and Cargo `rust-version` are minimums
  // (detection keeps their lower bound), so the current default is used when it satisfies them.
  const floor = FLOOR_SOURCE.test(req.detected?.source ?? '') && !/^\s*[<>=~^]/.test(req.detected?.value ?? '');
  const { version: wanted, defaulted } = tagVersion(eco, floor ? `>=${req.detected!.value}` : req.detected?.value);
  let version = wanted;
  let family = req.family;
  if (family === 'rhel' && UBI_VERSIONS[eco] && req.tool !== 'bun') {
    version = nearest(UBI_VERSIONS[eco]!, wanted);
    if (version !== wanted) warnings.push(`${LABEL[eco]} ${wanted} has no UBI 9 image; using ${version}`);
  }
  if (req.tool === 'bun' && family === 'rhel') {
    warnings.push('Bun has no UBI image; using the Debian-based oven/bun image');
    family = 'debian';
  }
  if (eco === 'php' && family === 'alpine') {
    warnings.push('the official PHP images have no Alpine Apache variant; using the Debian-based php:<version>-apache image');
    family = 'debian';
  }
  if (req.tool === 'bun') {
    // For Bun apps the detected version is Bun's own (`1.1.20`).
    const m = /(\d+)\.(\d+)/.exec(req.detected?.value ?? '');
    version = m ? `${m[1]}.${m[2]}` : PINNED.bun;
  }
  const images = published(pick(eco, family, version, req.tool), warnings);
  const where = defaulted ? `no version detected, using the default ${version}` : `from ${req.detected!.source}${version !== req.detected!.value ? ` (${req.detected!.value})` : ''}`;
  const note = req.tool === 'bun'
    ? `Bun ${version}: ${req.detected ? `from ${req.detected.source}` : 'no version detected, using the default'}`
    : `${LABEL[eco]} ${version}: ${where}`;
  return { ...images, version, note, warnings };
}

/**
 * Version sources whose value is a minimum, not the version to run (Node's engines range is passed raw by
 * the Node generator: `20` is 20.x, `>=16` a floor). go.mod's `go` line is one too, but is
 * still read as the version here: the CI engine's only Go stand-in is Debian's 1.19, so picking the current
 * Go for `go 1.19` would make every Go build test unbuildable offline (a never-published tag still falls
 * back through the known-tags table below).
 */
const FLOOR_SOURCE = /rust-version/;

const OTHER_DEBIANS = ['trixie', 'bullseye', 'buster'];

/**
 * Keeps tags that exist: a version never published on bookworm (Node 16, Go 1.13, PHP 7.x, .NET 10) moves to
 * the nearest Debian release it was published for (said in a warning); an end-of-life version is warned about.
 */
function published(images: { build: BaseImage; runtime: BaseImage }, warnings: string[]): { build: BaseImage; runtime: BaseImage } {
  const fix = (image: BaseImage): BaseImage => {
    const parts = splitTag(image.ref);
    const found = lookupTag(image.ref);
    if (!parts || found.known) {
      if (found.eol && parts) warnings.push(`${parts.repo} ${parts.version} is end-of-life upstream (no security fixes): plan an upgrade`);
      return image;
    }
    if (!parts.variant.includes('bookworm')) return image;
    const candidates = OTHER_DEBIANS.map((d) => parts.variant.replace('bookworm', d));
    const variant = publishedVariant(parts.repo, parts.version, parts.variant, candidates);
    if (!variant) {
      warnings.push(`${image.ref} was never published and no other Debian variant of ${parts.repo} ${parts.version} is known: the build will fail to pull it`);
      return image;
    }
    const ref = `${parts.repo}:${parts.version}-${variant}`;
    warnings.push(`${parts.repo} ${parts.version} is not published for bookworm: using ${ref}`);
    if (lookupTag(ref).eol) warnings.push(`${parts.repo} ${parts.version} is end-of-life upstream (no security fixes): plan an upgrade`);
    return { ...image, ref };
  };
  return { build: fix(images.build), runtime: fix(images.runtime) };
}

function pick(eco: Exclude<Ecosystem, 'static'>, family: Family, v: string, tool?: ImageRequest['tool']): { build: BaseImage; runtime: BaseImage } {
  const short = v.replace('.', '');
  switch (eco) {
    case 'node':
      if (tool === 'bun') {
        const b = family === 'alpine' ? alp(`oven/bun:${v}-alpine`) : deb(`oven/bun:${v}-slim`);
        return { build: b, runtime: b };
      }
      if (family === 'rhel') return { build: ubi(`nodejs-${v}:1`), runtime: ubi(`nodejs-${v}-minimal:1`, 'microdnf') };
      if (family === 'alpine') return both(alp(`node:${v}-alpine`));
      return both(deb(`node:${v}-bookworm-slim`));
    case 'python':
      if (family === 'rhel') return both(ubi(`python-${short}:1`));
      if (family === 'alpine') return both(alp(`python:${v}-alpine`));
      return both(deb(`python:${v}-slim-bookworm`));
    case 'go':
      if (family === 'rhel') return { build: ubi(`go-toolset:${v}`), runtime: ubiMinimal };
      if (family === 'alpine') return { build: alp(`golang:${v}-alpine`), runtime: alp(PINNED.alpine) };
      return { build: deb(`golang:${v}-bookworm`), runtime: deb(PINNED.debianSlim) };
    case 'rust':
      if (family === 'rhel') return { build: { ref: PINNED.ubi, pkg: 'dnf', bash: true }, runtime: ubiMinimal };
      if (family === 'alpine') return { build: alp(`rust:${v}-alpine`), runtime: alp(PINNED.alpine) };
      return { build: deb(`rust:${v}-slim-bookworm`), runtime: deb(PINNED.debianSlim) };
    case 'java': {
      if (family === 'rhel') return { build: ubi(`openjdk-${v}:1`, 'microdnf'), runtime: ubi(`openjdk-${v}-runtime:1`, 'microdnf') };
      const suffix = family === 'alpine' ? '-alpine' : '';
      const mk = family === 'alpine' ? alp : deb;
      const runtime = mk(`eclipse-temurin:${v}-jre${suffix}`);
      if (tool === 'gradle') return { build: mk(`gradle:${PINNED.gradle}-jdk${v}${suffix}`), runtime };
      if (tool === 'maven') return { build: mk(`maven:${PINNED.maven}-eclipse-temurin-${v}${suffix}`), runtime };
      return { build: mk(`eclipse-temurin:${v}-jdk${suffix}`), runtime };
    }
    case 'dotnet':
      if (family === 'rhel') return { build: ubi(`dotnet-${short}:1`), runtime: ubi(`dotnet-${short}-runtime:1`) };
      if (family === 'alpine') return { build: alp(`mcr.microsoft.com/dotnet/sdk:${v}-alpine`), runtime: alp(`mcr.microsoft.com/dotnet/aspnet:${v}-alpine`) };
      return { build: deb(`mcr.microsoft.com/dotnet/sdk:${v}-bookworm-slim`), runtime: deb(`mcr.microsoft.com/dotnet/aspnet:${v}-bookworm-slim`) };
    case 'ruby':
      if (family === 'rhel') return both(ubi(`ruby-${short}:1`));
      if (family === 'alpine') return both(alp(`ruby:${v}-alpine`));
      return both(deb(`ruby:${v}-slim-bookworm`));
    case 'php':
      if (family === 'rhel') return { build: alp(PINNED.composer), runtime: ubi(`php-${short}:1`) };
      return { build: alp(PINNED.composer), runtime: deb(`php:${v}-apache-bookworm`) };
  }
}

function both(image: BaseImage): { build: BaseImage; runtime: BaseImage } {
  return { build: image, runtime: image };
}

export function nginxImage(family: Family): BaseImage {
  if (family === 'rhel') return { ...ubi('nginx-124:1'), ref: PINNED.nginx.rhel };
  if (family === 'alpine') return alp(PINNED.nginx.alpine);
  return deb(PINNED.nginx.debian);
}
