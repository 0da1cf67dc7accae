// Base images as data: each ecosystem's table (ecosystems/<id>/images.ts) maps family × runtime version to
// build and runtime image tags, with what each image has inside (package tool, bash, default user) so
// generated Dockerfiles only use what exists. Tags are always pinned to a version (never `latest`). This
// file holds the language-neutral rules: tag versions, UBI availability, family fallbacks, nginx.
import type { Family } from '../model';
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

/** Pinned tags shared by several ecosystems' images. */
export const PINNED = {
  debianSlim: 'debian:bookworm-slim',
  alpine: 'alpine:3.20',
  ubiMinimal: 'registry.access.redhat.com/ubi9/ubi-minimal:9.5',
  ubi: 'registry.access.redhat.com/ubi9/ubi:9.5',
  nginx: { debian: 'nginx:1.27-bookworm', alpine: 'nginx:1.27-alpine', rhel: 'registry.access.redhat.com/ubi9/nginx-124:1' },
};

/** One ecosystem's base images: tag rules and the images per family (ecosystems/<id>/images.ts). */
export interface ImageTable {
  /** Version used when detection found none (said in a comment in the generated file). */
  defaultVersion: string;
  /** How many version parts the image tags use: node 20, python 3.12, java 21. */
  tagParts: 1 | 2;
  /** How many version parts must agree between a pin and an image (node 20, dotnet 8, python 3.12). */
  agreeParts: 1 | 2;
  /** A declared major/minor in this ecosystem's own notation → the tag's (Java `1.8` → 8, .NET `8` → 8.0). */
  normalize?: (major: number, minor: number | undefined) => [number, number | undefined];
  /** Versions that exist as UBI 9 images (RHEL family), ascending. */
  ubiVersions?: string[];
  /** Families with no image of this runtime: the family used instead, and the warning that says so. */
  unavailable?: Partial<Record<Family, { use: Family; warning: string }>>;
  /** Build and runtime images for a family and tag version (`tool`: build tool variant, see ImageRequest). */
  pick: (family: Family, version: string, tool?: ImageRequest['tool']) => { build: BaseImage; runtime: BaseImage };
  /** A variant this ecosystem chooses entirely on its own (Bun for Node apps); undefined: the table above. */
  variant?: (req: ImageRequest, label: string) => ImageChoice | undefined;
  /** Repository names whose tags carry this runtime's version (`node`, `golang`, `eclipse-temurin`…), canonical first. */
  repositories: string[];
  /** The official Debian tag for a version (`20-bookworm-slim`, `3.12-slim-bookworm`): glibc replacement for an Alpine tag. */
  debianTag?: (version: string) => string;
  /** The official images install the tz database (so TZ works without tzdata). */
  tzdata?: boolean;
}

/**
 * Turns a detected version spec (`>=18`, `^20.1`, `3.12.1`, `~> 3.3`, `1.8`, `net8.0`) into the tag version.
 * A lower bound only (`>=18`) takes the default when the default satisfies it.
 */
export function tagVersion(table: ImageTable, spec: string | undefined): { version: string; defaulted: boolean } {
  const def = table.defaultVersion;
  if (!spec) return { version: def, defaulted: true };
  const m = /(\d+)(?:\.(\d+))?/.exec(spec);
  if (!m) return { version: def, defaulted: true };
  const [major, minor] = (table.normalize ?? ((a, b) => [a, b]))(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]));
  const found = table.tagParts === 1 ? `${major}` : `${major}.${minor ?? defaultMinor(def, major)}`;
  if (/^\s*>/.test(spec) && !/</.test(spec) && compareVersions(def, found) >= 0) return { version: def, defaulted: false };
  return { version: found, defaulted: false };
}

function defaultMinor(def: string, major: number): number {
  const [dMajor, dMinor] = def.split('.').map(Number);
  return dMajor === major ? dMinor : 0;
}

/** The smallest available version ≥ wanted, else the largest available. */
function nearest(available: string[], wanted: string): string {
  return available.find((v) => compareVersions(v, wanted) >= 0) ?? available[available.length - 1];
}

export const deb = (ref: string): BaseImage => ({ ref, pkg: 'apt', bash: true });
export const alp = (ref: string): BaseImage => ({ ref, pkg: 'apk', bash: false });
export const ubi = (name: string, pkg: PackageTool = 'dnf'): BaseImage => ({ ref: `registry.access.redhat.com/ubi9/${name}`, pkg, bash: true, nonRootDefault: true });
export const ubiMinimal: BaseImage = { ref: PINNED.ubiMinimal, pkg: 'microdnf', bash: true };

export interface ImageRequest {
  family: Family;
  /** The detected runtime version spec and its source, if any. */
  detected?: { value: string; source: string } | null;
  /** Build tool variants: maven/gradle (java), bun (node), `wrapper` when the build uses ./mvnw or ./gradlew. */
  tool?: 'maven' | 'gradle' | 'bun' | 'wrapper';
}

/** Build and runtime base images for an app, from its ecosystem's table (`label` names it in notes). */
export function chooseImages(table: ImageTable, label: string, req: ImageRequest): ImageChoice {
  const own = table.variant?.(req, label);
  if (own) return own;
  const warnings: string[] = [];
  // A floor is not a pin: `engines.node >=16`, go.mod `go 1.13` and Cargo `rust-version` are minimums
  // (detection keeps their lower bound), so the current default is used when it satisfies them.
  const floor = FLOOR_SOURCE.test(req.detected?.source ?? '') && !/^\s*[<>=~^]/.test(req.detected?.value ?? '');
  const { version: wanted, defaulted } = tagVersion(table, floor ? `>=${req.detected!.value}` : req.detected?.value);
  let version = wanted;
  let family = req.family;
  if (family === 'rhel' && table.ubiVersions) {
    version = nearest(table.ubiVersions, wanted);
    if (version !== wanted) warnings.push(`${label} ${wanted} has no UBI 9 image; using ${version}`);
  }
  const instead = table.unavailable?.[family];
  if (instead) {
    warnings.push(instead.warning);
    family = instead.use;
  }
  const images = published(table.pick(family, version, req.tool), warnings);
  const where = defaulted ? `no version detected, using the default ${version}` : `from ${req.detected!.source}${version !== req.detected!.value ? ` (${req.detected!.value})` : ''}`;
  return { ...images, version, note: `${label} ${version}: ${where}`, warnings };
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

export function both(image: BaseImage): { build: BaseImage; runtime: BaseImage } {
  return { build: image, runtime: image };
}

export function nginxImage(family: Family): BaseImage {
  if (family === 'rhel') return { ...ubi('nginx-124:1'), ref: PINNED.nginx.rhel };
  if (family === 'alpine') return alp(PINNED.nginx.alpine);
  return deb(PINNED.nginx.debian);
}
