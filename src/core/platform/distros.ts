// Distro knowledge as data: family, package manager, libc and its version, default OpenSSL.
// (Initial table; the drift work extends it.)
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
}

export const DISTROS: readonly Distro[] = [
  { id: 'debian11', name: 'Debian 11 (bullseye)', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.31', openssl: '1.1' },
  { id: 'debian12', name: 'Debian 12 (bookworm)', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.36', openssl: '3.0' },
  { id: 'debian13', name: 'Debian 13 (trixie)', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.41', openssl: '3.5' },
  { id: 'ubuntu20.04', name: 'Ubuntu 20.04', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.31', openssl: '1.1' },
  { id: 'ubuntu22.04', name: 'Ubuntu 22.04', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.35', openssl: '3.0' },
  { id: 'ubuntu24.04', name: 'Ubuntu 24.04', family: 'debian', packageManager: 'apt', libc: 'glibc', libcVersion: '2.39', openssl: '3.0' },
  { id: 'centos7', name: 'CentOS 7', family: 'rhel', packageManager: 'yum', libc: 'glibc', libcVersion: '2.17', openssl: '1.0' },
  { id: 'rhel8', name: 'RHEL 8 / UBI 8 / Rocky 8 / Alma 8', family: 'rhel', packageManager: 'dnf', libc: 'glibc', libcVersion: '2.28', openssl: '1.1' },
  { id: 'rhel9', name: 'RHEL 9 / UBI 9 / Rocky 9 / Alma 9', family: 'rhel', packageManager: 'dnf', libc: 'glibc', libcVersion: '2.34', openssl: '3.0' },
  { id: 'amzn2', name: 'Amazon Linux 2', family: 'rhel', packageManager: 'yum', libc: 'glibc', libcVersion: '2.26', openssl: '1.0' },
  { id: 'amzn2023', name: 'Amazon Linux 2023', family: 'rhel', packageManager: 'dnf', libc: 'glibc', libcVersion: '2.34', openssl: '3.0' },
  { id: 'alpine3.18', name: 'Alpine 3.18', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.4', openssl: '3.1' },
  { id: 'alpine3.19', name: 'Alpine 3.19', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.4', openssl: '3.1' },
  { id: 'alpine3.20', name: 'Alpine 3.20', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.5', openssl: '3.3' },
  { id: 'alpine3.21', name: 'Alpine 3.21', family: 'alpine', packageManager: 'apk', libc: 'musl', libcVersion: '1.2.5', openssl: '3.3' },
  { id: 'distroless12', name: 'Distroless (Debian 12)', family: 'distroless', packageManager: 'none', libc: 'glibc', libcVersion: '2.36', openssl: '3.0' },
];

const ALIASES: Record<string, string> = {
  bullseye: 'debian11', bookworm: 'debian12', trixie: 'debian13', debian: 'debian12',
  ubi8: 'rhel8', rocky8: 'rhel8', alma8: 'rhel8', almalinux8: 'rhel8', centos8: 'rhel8',
  ubi9: 'rhel9', rocky9: 'rhel9', alma9: 'rhel9', almalinux9: 'rhel9', rhel: 'rhel9',
  amazonlinux2: 'amzn2', al2: 'amzn2', amazonlinux2023: 'amzn2023', al2023: 'amzn2023',
  alpine: 'alpine3.20', distroless: 'distroless12', ubuntu: 'ubuntu24.04',
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
