// Which official base-image tags exist, as data: repository × version × distro variant. A version the app
// declares is useless if `FROM` names a tag that was never published (Node 12 on bookworm, Go 1.15 on
// bookworm, PHP 7.x on bookworm): generation looks tags up here, falls back to the nearest published
// variant and warns when the version is end-of-life.
// Judgement: the table is written from the registries' published tag lists (Docker Official Images, MCR,
// Red Hat) as of 2026; a tag published later is "unknown" here, never silently assumed.
import { compareVersions } from '../version';

export interface TagFamily {
  /** Versions published for the variant, inclusive range of the version's tag form (`22`, `3.12`, `1.23`). */
  variants: Record<string, { from: string; to?: string; only?: string[] }>;
  /** Versions past upstream end of life (still published, but unsupported). */
  eolBefore?: string;
}

/** Image repository → variant suffix → published version range. */
export const KNOWN_TAGS: Record<string, TagFamily> = {
  node: {
    variants: {
      'bookworm-slim': { from: '18' }, bookworm: { from: '18' }, 'bullseye-slim': { from: '12', to: '22' }, bullseye: { from: '12', to: '22' },
      'buster-slim': { from: '10', to: '18' }, alpine: { from: '10' }, 'trixie-slim': { from: '20' },
    },
    eolBefore: '20',
  },
  python: {
    variants: {
      'slim-bookworm': { from: '3.8' }, bookworm: { from: '3.8' }, 'slim-bullseye': { from: '3.7', to: '3.13' }, 'slim-trixie': { from: '3.9' },
      'slim-buster': { from: '3.6', to: '3.11' }, alpine: { from: '3.6' },
    },
    eolBefore: '3.10',
  },
  golang: {
    variants: { bookworm: { from: '1.19' }, bullseye: { from: '1.16', to: '1.23' }, buster: { from: '1.11', to: '1.20' }, alpine: { from: '1.11' }, trixie: { from: '1.24' } },
    eolBefore: '1.24',
  },
  ruby: {
    variants: { 'slim-bookworm': { from: '3.0' }, bookworm: { from: '3.0' }, 'slim-bullseye': { from: '2.6', to: '3.3' }, 'slim-trixie': { from: '3.2' }, alpine: { from: '2.5' } },
    eolBefore: '3.2',
  },
  php: {
    variants: {
      'apache-bookworm': { from: '8.1' }, 'fpm-bookworm': { from: '8.1' }, 'cli-bookworm': { from: '8.1' },
      'apache-bullseye': { from: '7.3', to: '8.2' }, 'fpm-bullseye': { from: '7.3', to: '8.2' }, 'cli-bullseye': { from: '7.3', to: '8.2' },
      'apache-buster': { from: '7.1', to: '8.0' }, 'fpm-alpine': { from: '7.0' }, 'cli-alpine': { from: '7.0' },
      'apache-trixie': { from: '8.2' },
    },
    eolBefore: '8.2',
  },
  rust: {
    variants: { 'slim-bookworm': { from: '1.70' }, bookworm: { from: '1.70' }, 'slim-bullseye': { from: '1.52' }, alpine: { from: '1.45' }, 'slim-trixie': { from: '1.88' } },
  },
  'eclipse-temurin': {
    variants: { jdk: { from: '8', only: ['8', '11', '17', '21', '25'] }, jre: { from: '8', only: ['8', '11', '17', '21', '25'] }, 'jdk-alpine': { from: '8', only: ['8', '11', '17', '21', '25'] }, 'jre-alpine': { from: '8', only: ['8', '11', '17', '21', '25'] } },
    eolBefore: '11',
  },
  // .NET 10 images are published on Ubuntu 24.04 (noble) and Debian 13 (trixie), no longer on bookworm.
  'mcr.microsoft.com/dotnet/sdk': {
    variants: { 'bookworm-slim': { from: '6.0', to: '9.0' }, 'trixie-slim': { from: '10.0' }, noble: { from: '8.0' }, alpine: { from: '6.0' } },
    eolBefore: '8.0',
  },
  'mcr.microsoft.com/dotnet/aspnet': {
    variants: { 'bookworm-slim': { from: '6.0', to: '9.0' }, 'trixie-slim': { from: '10.0' }, noble: { from: '8.0' }, 'noble-chiseled': { from: '8.0' }, alpine: { from: '6.0' } },
    eolBefore: '8.0',
  },
  'mcr.microsoft.com/dotnet/runtime': {
    variants: { 'bookworm-slim': { from: '6.0', to: '9.0' }, 'trixie-slim': { from: '10.0' }, noble: { from: '8.0' }, alpine: { from: '6.0' } },
    eolBefore: '8.0',
  },
  'oven/bun': { variants: { slim: { from: '1.0' }, debian: { from: '1.0' }, alpine: { from: '1.0' } } },
  'denoland/deno': { variants: { debian: { from: '1.0' }, alpine: { from: '1.0' }, distroless: { from: '1.0' } } },
};

/** Tags that are a fixed name rather than version × variant. */
const FIXED = new Set([
  'debian:bookworm-slim', 'debian:bookworm', 'debian:trixie-slim', 'alpine:3.20', 'alpine:3.21',
  'nginx:1.27-bookworm', 'nginx:1.27-alpine', 'composer:2.8', 'maven:3.9-eclipse-temurin-17', 'maven:3.9-eclipse-temurin-21',
  'gradle:8.10-jdk17', 'gradle:8.10-jdk21', 'registry.access.redhat.com/ubi9/ubi-minimal:9.5', 'registry.access.redhat.com/ubi9/ubi:9.5',
  'registry.access.redhat.com/ubi9/nginx-124:1', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/cc-debian12',
]);

export interface TagLookup {
  known: boolean;
  /** The tag's version is past end of life (published, unsupported). */
  eol: boolean;
  /** Why it is unknown, when it is. */
  reason?: string;
}

/** Splits `repo:VERSION-variant` (Docker Official Image style) into its parts; null for other shapes. */
export function splitTag(ref: string): { repo: string; version: string; variant: string } | null {
  const at = ref.lastIndexOf(':');
  if (at < 0 || ref.indexOf('/', at) >= 0) return null;
  const repo = ref.slice(0, at);
  const m = /^(\d+(?:\.\d+){0,2})(?:-(.+))?$/.exec(ref.slice(at + 1));
  if (!m) return null;
  return { repo, version: m[1], variant: m[2] ?? '' };
}

function inRange(version: string, r: { from: string; to?: string; only?: string[] }): boolean {
  const short = version.split('.').slice(0, r.from.split('.').length).join('.');
  if (r.only && !r.only.includes(short)) return false;
  return compareVersions(short, r.from) >= 0 && (r.to === undefined || compareVersions(short, r.to) <= 0);
}

export function lookupTag(ref: string): TagLookup {
  if (FIXED.has(ref)) return { known: true, eol: false };
  const parts = splitTag(ref);
  const family = parts ? KNOWN_TAGS[parts.repo] : undefined;
  if (!parts || !family) return { known: false, eol: false, reason: `${ref} is not in the known-tags table` };
  const range = family.variants[parts.variant];
  if (!range) return { known: false, eol: false, reason: `${parts.repo} has no '${parts.variant}' variant` };
  if (!inRange(parts.version, range)) return { known: false, eol: false, reason: `${parts.repo} ${parts.version} is not published as '${parts.variant}'` };
  const eol = family.eolBefore !== undefined && compareVersions(parts.version, family.eolBefore) < 0;
  return { known: true, eol };
}

/**
 * The variant to use for `version` when the preferred one was never published for it: the first of
 * `fallbacks` (in order of preference) that exists, else null.
 */
export function publishedVariant(repo: string, version: string, preferred: string, fallbacks: string[]): string | null {
  const family = KNOWN_TAGS[repo];
  if (!family) return preferred;
  for (const v of [preferred, ...fallbacks]) {
    const range = family.variants[v];
    if (range && inRange(version, range)) return v;
  }
  return null;
}
