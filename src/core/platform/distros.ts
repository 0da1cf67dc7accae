// Distro knowledge as data: family, package manager, libc and its version, default OpenSSL, the newest
// libstdc++ symbol versions it ships, and how to recognise it (os-release ids, Kubernetes osImage text,
// base image names). Drift rules compare against this table; nothing here runs or probes.
import type { Family } from '../model';

export interface Distro {
  /** Canonical id with version, as written in parity.yaml: `debian12`, `rhel9`, `alpine3.20`… */
  id: string;
  name: string;
  family: Family | 'distroless';
  packageManager: 'apt' | 'dnf' | 'yum' | 'microdnf' | 'apk' | 'none';
  libc: 'glibc' | 'musl';
  libcVersion: string;
  openssl: string;
  /** Newest `GLIBCXX_` / `CXXABI_` version its libstdc++ provides (glibc distros only). */
  glibcxx?: string;
  cxxabi?: string;
  /** os-release `ID` values (and `VERSION_ID` prefix) that identify it. */
  osRelease?: { ids: string[]; version: string };
  /** Whether the usual container image of it has /usr/share/zoneinfo without installing tzdata. */
  tzdataInImage?: boolean;
}

export const DISTROS: readonly Distro[] = [
  { id: 'debian11', name: 'Debian 11 (bullseye)', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.31', openssl: '1.1', glibcxx: '3.4.28', cxxabi: '1.3.12', osRelease: { ids: ['debian'], version: '11' }, tzdataInImage: true },
  { id: 'debian12', name: 'Debian 12 (bookworm)', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.36', openssl: '3.0', glibcxx: '3.4.30', cxxabi: '1.3.13', osRelease: { ids: ['debian'], version: '12' }, tzdataInImage: false },
  { id: 'debian13', name: 'Debian 13 (trixie)', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.41', openssl: '3.5', glibcxx: '3.4.33', cxxabi: '1.3.15', osRelease: { ids: ['debian'], version: '13' }, tzdataInImage: false },
  { id: 'ubuntu20.04', name: 'Ubuntu 20.04', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.31', openssl: '1.1', glibcxx: '3.4.28', cxxabi: '1.3.12', osRelease: { ids: ['ubuntu'], version: '20.04' }, tzdataInImage: false },
  { id: 'ubuntu22.04', name: 'Ubuntu 22.04', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.35', openssl: '3.0', glibcxx: '3.4.30', cxxabi: '1.3.13', osRelease: { ids: ['ubuntu'], version: '22.04' }, tzdataInImage: false },
  { id: 'ubuntu24.04', name: 'Ubuntu 24.04', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.39', openssl: '3.0', glibcxx: '3.4.33', cxxabi: '1.3.15', osRelease: { ids: ['ubuntu'], version: '24.04' }, tzdataInImage: false },
  { id: 'centos7', name: 'CentOS 7', family: 'rhel', packageManager: 'yum', libc: 'glibc', libcVersion: '2.17', openssl: '1.0', glibcxx: '3.4.19', cxxabi: '1.3.7', osRelease: { ids: ['centos', 'rhel'], version: '7' }, tzdataInImage: true },
  { id: 'rhel8', name: 'RHEL 8 / UBI 8 / Rocky 8 / Alma 8', family: 'rhel', packageManager: 'dnf', libc: 'glibc', libcVersion: '2.28', openssl: '1.1', glibcxx: '3.4.25', cxxabi: '1.3.11', osRelease: { ids: ['rhel', 'rocky', 'almalinux', 'centos', 'ol'], version: '8' }, tzdataInImage: true },
  { id: 'rhel9', name: 'RHEL 9 / UBI 9 / Rocky 9 / Alma 9', family: 'rhel', packageManager: 'dnf', libc: 'glibc', libcVersion: '2.34', openssl: '3.0', glibcxx: '3.4.29', cxxabi: '1.3.13', osRelease: { ids: ['rhel', 'rocky', 'almalinux', 'centos', 'ol'], version: '9' }, tzdataInImage: true },
  { id: 'amzn2', name: 'Amazon Linux 2', family: 'rhel', packageManager: 'yum', libc: 'glibc', libcVersion: '2.26', openssl: '1.0', glibcxx: '3.4.19', cxxabi: '1.3.7', osRelease: { ids: ['amzn'], version: '2' }, tzdataInImage: true },
  { id: 'amzn2023', name: 'Amazon Linux 2023', family: 'rhel', packageManager: 'dnf', libc: 'glibc', libcVersion: '2.34', openssl: '3.0', glibcxx: '3.4.29', cxxabi: '1.3.13', osRelease: { ids: ['amzn'], version: '2023' }, tzdataInImage: true },
  { id: 'alpine3.18', name: 'Alpine 3.18', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.4', openssl: '3.1', osRelease: { ids: ['alpine'], version: '3.18' }, tzdataInImage: false },
  { id: 'alpine3.19', name: 'Alpine 3.19', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.4', openssl: '3.1', osRelease: { ids: ['alpine'], version: '3.19' }, tzdataInImage: false },
  { id: 'alpine3.20', name: 'Alpine 3.20', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.5', openssl: '3.3', osRelease: { ids: ['alpine'], version: '3.20' }, tzdataInImage: false },
  { id: 'alpine3.21', name: 'Alpine 3.21', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.5', openssl: '3.3', osRelease: { ids: ['alpine'], version: '3.21' }, tzdataInImage: false },
  { id: 'alpine3.22', name: 'Alpine 3.22', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.5', openssl: '3.5', osRelease: { ids: ['alpine'], version: '3.22' }, tzdataInImage: false },
  { id: 'distroless12', name: 'Distroless (Debian 12)', family: 'distroless', packageManager: 'none', libc: 'glibc', libcVersion: '2.36', openssl: '3.0', glibcxx: '3.4.30', cxxabi: '1.3.13', tzdataInImage: true },
  { id: 'distroless13', name: 'Distroless (Debian 13)', family: 'distroless', packageManager: 'none', libc: 'glibc', libcVersion: '2.41', openssl: '3.5', glibcxx: '3.4.33', cxxabi: '1.3.15', tzdataInImage: true },
];

const ALIASES: Record<string, string> = {
  bullseye: 'debian11', bookworm: 'debian12', trixie: 'debian13', debian: 'debian12',
  focal: 'ubuntu20.04', jammy: 'ubuntu22.04', noble: 'ubuntu24.04',
  ubi8: 'rhel8', rocky8: 'rhel8', rockylinux8: 'rhel8', alma8: 'rhel8', almalinux8: 'rhel8', centos8: 'rhel8', ol8: 'rhel8', oraclelinux8: 'rhel8',
  ubi9: 'rhel9', rocky9: 'rhel9', rockylinux9: 'rhel9', alma9: 'rhel9', almalinux9: 'rhel9', ol9: 'rhel9', oraclelinux9: 'rhel9', centosstream9: 'rhel9', rhel: 'rhel9',
  amazonlinux2: 'amzn2', al2: 'amzn2', amazonlinux2023: 'amzn2023', al2023: 'amzn2023',
  alpine: 'alpine3.20', distroless: 'distroless12', ubuntu: 'ubuntu24.04', centos: 'centos7',
};

/** Looks up `rhel9`, `ubi9`, `centos7`, `alpine3.20`, `ubuntu22.04`, `debian12`… (case-insensitive). */
export function findDistro(id: string): Distro | undefined {
  const key = id.toLowerCase().replace(/[\s:_-]/g, '');
  const canonical = ALIASES[key] ?? key;
  return DISTROS.find((d) => d.id === canonical) ?? DISTROS.find((d) => d.id.startsWith(canonical) && /^[a-z]+$/.test(canonical));
}

/** Base-image family to generate for a target OS; distroless and unknown targets use Debian. */
export function familyForOs(os: string): Family {
  const fam = findDistro(os)?.family;
  return fam === 'rhel' || fam === 'alpine' ? fam : 'debian';
}

/** Distro from /etc/os-release `ID` and `VERSION_ID` (e.g. `rocky` + `9.3` → rhel9, `alpine` + `3.19.1` → alpine3.19). */
export function distroFromOsRelease(id: string, versionId = ''): Distro | undefined {
  const lid = id.toLowerCase();
  if (lid === 'alpine') {
    const mm = /^(\d+\.\d+)/.exec(versionId)?.[1];
    const exact = mm ? DISTROS.find((d) => d.id === `alpine${mm}`) : undefined;
    if (exact) return exact;
    // An Alpine newer than the table still uses musl; use the newest known row.
    return [...DISTROS].reverse().find((d) => d.family === 'alpine');
  }
  const candidates = DISTROS.filter((d) => d.osRelease?.ids.includes(lid));
  return candidates.find((d) => versionId === d.osRelease!.version || versionId.startsWith(d.osRelease!.version + '.'));
}

/** Parses the text of an os-release file into its keys (quotes removed). */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** Distro from a Kubernetes node's `osImage` (`Ubuntu 22.04.4 LTS`, `CentOS Linux 7 (Core)`, `Amazon Linux 2`…). */
export function distroFromOsImage(osImage: string): Distro | undefined {
  const s = osImage.toLowerCase();
  const num = (re: RegExp) => re.exec(s)?.[1];
  if (s.includes('ubuntu')) return findDistro(`ubuntu${num(/ubuntu\s+(\d+\.\d+)/) ?? ''}`);
  if (s.includes('debian')) return findDistro(`debian${num(/(\d+)/) ?? ''}`);
  if (s.includes('centos') && /\b7\b/.test(s)) return findDistro('centos7');
  if (s.includes('amazon linux')) return findDistro(/2023/.test(s) ? 'amzn2023' : 'amzn2');
  if (s.includes('alpine')) return distroFromOsRelease('alpine', num(/(\d+\.\d+)/) ?? '');
  const rhelLike = /red hat|rhel|rocky|alma|centos|oracle/.test(s);
  if (rhelLike) return findDistro(`rhel${num(/\b(8|9)(?:\.\d+)?\b/) ?? '9'}`);
  return undefined;
}

export interface ImageDistroGuess { distro: Distro; why: string }

/**
 * The distro a base image reference runs, from its name and tag: `node:20-alpine` → Alpine,
 * `python:3.12-slim-bookworm` → Debian 12, `redhat/ubi9-minimal` → RHEL 9, `centos:7`, `gcr.io/distroless/…`.
 * Official language images without a variant are Debian-based (the current stable, Debian 12).
 */
export function distroFromImage(ref: string): ImageDistroGuess | undefined {
  const lower = ref.toLowerCase().split('@')[0];
  const slash = lower.lastIndexOf('/');
  const colon = lower.lastIndexOf(':');
  const name = colon > slash ? lower.slice(0, colon) : lower;
  const tag = colon > slash ? lower.slice(colon + 1) : 'latest';
  const base = name.slice(name.lastIndexOf('/') + 1);
  const pick = (id: string, why: string) => {
    const d = findDistro(id);
    return d ? { distro: d, why } : undefined;
  };
  if (name.includes('distroless')) return pick(/debian13/.test(name + tag) ? 'distroless13' : 'distroless12', 'distroless image');
  if (base === 'alpine') return distroFromOsRelease('alpine', tag) && { distro: distroFromOsRelease('alpine', tag)!, why: 'alpine image' };
  const alpineTag = /alpine(\d+\.\d+)?/.exec(tag);
  if (alpineTag) return { distro: distroFromOsRelease('alpine', alpineTag[1] ?? '')!, why: `'${tag}' is an Alpine variant` };
  if (/ubi(8|9)/.test(name)) return pick(`rhel${/ubi(8|9)/.exec(name)![1]}`, 'Red Hat UBI image');
  if (base === 'centos') return pick(/^7/.test(tag) ? 'centos7' : /^8/.test(tag) ? 'rhel8' : 'rhel9', 'CentOS image');
  if (['rockylinux', 'almalinux', 'oraclelinux', 'rhel'].includes(base) || /rockylinux|almalinux/.test(name)) return pick(`rhel${/^(8|9)/.exec(tag)?.[1] ?? '9'}`, `${base} image`);
  if (base === 'amazonlinux') return pick(/^2023/.test(tag) || tag === 'latest' ? 'amzn2023' : 'amzn2', 'Amazon Linux image');
  if (base === 'ubuntu') return pick(/^\d+\.\d+/.test(tag) ? `ubuntu${/^(\d+\.\d+)/.exec(tag)![1]}` : /jammy|focal|noble/.exec(tag)?.[0] ?? 'ubuntu24.04', 'Ubuntu image');
  for (const [code, id] of [['bullseye', 'debian11'], ['bookworm', 'debian12'], ['trixie', 'debian13'], ['jammy', 'ubuntu22.04'], ['focal', 'ubuntu20.04'], ['noble', 'ubuntu24.04']] as const) {
    if (tag.includes(code)) return pick(id, `'${tag}' is a ${code} variant`);
  }
  if (base === 'debian') return pick(/^(11|12|13)/.exec(tag) ? `debian${/^(11|12|13)/.exec(tag)![1]}` : 'debian12', 'Debian image');
  if (/^(scratch)$/.test(base)) return undefined;
  const officialDebian = ['node', 'python', 'golang', 'ruby', 'php', 'openjdk', 'eclipse-temurin', 'maven', 'gradle', 'rust', 'perl', 'buildpack-deps', 'nginx', 'httpd', 'postgres', 'redis', 'bun', 'oven/bun'];
  if (officialDebian.includes(base) || officialDebian.includes(name)) {
    if (base === 'eclipse-temurin' || base === 'maven' || base === 'gradle') return pick('ubuntu24.04', `${base} images are Ubuntu-based`);
    return pick('debian12', `official ${base} images default to Debian 12`);
  }
  if (name.startsWith('mcr.microsoft.com/dotnet/')) return pick(/alpine/.test(tag) ? 'alpine3.20' : /jammy/.test(tag) ? 'ubuntu22.04' : /noble/.test(tag) ? 'ubuntu24.04' : 'debian12', '.NET images default to Debian 12');
  return undefined;
}
