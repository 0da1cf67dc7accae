// Shared libraries native packages commonly link, and the package that provides each per family.
// Libraries every glibc/musl base has (libc, libm, libstdc++…) are listed apart: never reported.
import type { Family } from '../model';

export const BASE_SONAMES = /^(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libutil\.so\.1|libresolv\.so\.2|libgcc_s\.so\.1|libstdc\+\+\.so\.6|ld-linux[-\w.]*\.so\.\d|ld64\.so\.\d|libc\.musl-[\w.-]+|libc\.so|ld-musl-[\w.-]+|libz\.so\.1|libcrypt\.so\.1|libanl\.so\.1|libatomic\.so\.1|linux-vdso\.so\.1)$/;

export const SONAME_PACKAGES: { soname: RegExp; packages: Record<Family, string> }[] = [
  { soname: /^libpq\.so\.5$/, packages: { debian: 'libpq5', rhel: 'libpq', alpine: 'libpq' } },
  { soname: /^libmysqlclient\.so\.\d+$|^libmariadb\.so\.3$/, packages: { debian: 'libmariadb3', rhel: 'mariadb-connector-c', alpine: 'mariadb-connector-c' } },
  { soname: /^libsqlite3\.so\.0$/, packages: { debian: 'libsqlite3-0', rhel: 'sqlite-libs', alpine: 'sqlite-libs' } },
  { soname: /^libssl\.so\.3$|^libcrypto\.so\.3$/, packages: { debian: 'libssl3', rhel: 'openssl-libs', alpine: 'libssl3' } },
  { soname: /^libvips\.so\.42$|^libvips-cpp\.so\.42$/, packages: { debian: 'libvips42', rhel: 'vips', alpine: 'vips' } },
  { soname: /^libcairo\.so\.2$/, packages: { debian: 'libcairo2', rhel: 'cairo', alpine: 'cairo' } },
  { soname: /^libpango-1\.0\.so\.0$/, packages: { debian: 'libpango-1.0-0', rhel: 'pango', alpine: 'pango' } },
  { soname: /^libjpeg\.so\.(8|62)$/, packages: { debian: 'libjpeg62-turbo', rhel: 'libjpeg-turbo', alpine: 'libjpeg-turbo' } },
  { soname: /^libpng16\.so\.16$/, packages: { debian: 'libpng16-16', rhel: 'libpng', alpine: 'libpng' } },
  { soname: /^libgif\.so\.7$/, packages: { debian: 'libgif7', rhel: 'giflib', alpine: 'giflib' } },
  { soname: /^libxml2\.so\.2$/, packages: { debian: 'libxml2', rhel: 'libxml2', alpine: 'libxml2' } },
  { soname: /^libxslt\.so\.1$/, packages: { debian: 'libxslt1.1', rhel: 'libxslt', alpine: 'libxslt' } },
  { soname: /^libffi\.so\.(7|8)$/, packages: { debian: 'libffi8', rhel: 'libffi', alpine: 'libffi' } },
  { soname: /^libodbc\.so\.2$/, packages: { debian: 'libodbc2', rhel: 'unixODBC', alpine: 'unixodbc' } },
  { soname: /^libgomp\.so\.1$/, packages: { debian: 'libgomp1', rhel: 'libgomp', alpine: 'libgomp' } },
  { soname: /^libuuid\.so\.1$/, packages: { debian: 'libuuid1', rhel: 'libuuid', alpine: 'libuuid' } },
  { soname: /^libcurl\.so\.4$/, packages: { debian: 'libcurl4', rhel: 'libcurl', alpine: 'libcurl' } },
  { soname: /^libargon2\.so\.1$/, packages: { debian: 'libargon2-1', rhel: 'libargon2', alpine: 'argon2-libs' } },
];

export function providerOf(soname: string, family: Family): string | undefined {
  return SONAME_PACKAGES.find((s) => s.soname.test(soname))?.packages[family];
}

/** OpenSSL generation a soname belongs to: `libssl.so.1.1` → `1.1`, `libssl.so.3` → `3`, `libssl.so.10` → `1.0`. */
export function opensslOfSoname(soname: string): string | undefined {
  const m = /^lib(?:ssl|crypto)\.so\.(.+)$/.exec(soname);
  if (!m) return undefined;
  if (m[1] === '10' || m[1].startsWith('1.0')) return '1.0';
  if (m[1].startsWith('1.1')) return '1.1';
  if (/^3(\.|$)/.test(m[1])) return '3';
  return undefined;
}

/** `3.0`, `3.5` → `3`; `1.1` → `1.1`. */
export function opensslGeneration(version: string): string {
  return version.startsWith('1.') ? version.split('.').slice(0, 2).join('.') : version.split('.')[0];
}
