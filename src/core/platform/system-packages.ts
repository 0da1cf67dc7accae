// System packages per distro family as building blocks for the ecosystems' native-dependency tables
// (ecosystems/<id>/dependencies.ts): `build` to install or compile a package (builder stage), `runtime` for
// the shared libraries it loads (final image). Empty lists mean: native, but prebuilt binaries bundle
// everything on that family.
import type { Family, ServiceKind, SystemPackages } from '../model';

export type NativeSystemPackages = Record<Family, SystemPackages>;

export const p = (build: string[], runtime: string[]): SystemPackages => ({ build, runtime });
export const fam = (debian: SystemPackages, rhel: SystemPackages, alpine: SystemPackages): NativeSystemPackages => ({ debian, rhel, alpine });

// ---- building blocks ----
/** node-gyp: a compiler, make and Python, only used when no prebuilt binary fits. */
export const NODE_GYP = fam(p(['python3', 'make', 'g++'], []), p(['python3', 'make', 'gcc-c++'], []), p(['python3', 'make', 'g++'], []));
/** A C compiler for cgo and small C extensions. */
export const CC = fam(p(['gcc', 'libc6-dev'], []), p(['gcc', 'glibc-devel'], []), p(['gcc', 'musl-dev'], []));
export const RUBY_CC = fam(p(['build-essential'], []), p(['gcc', 'make'], []), p(['build-base'], []));
export const LIBPQ = fam(p(['libpq-dev'], ['libpq5']), p(['libpq-devel'], ['libpq']), p(['postgresql-dev'], ['libpq']));
export const NONE = fam(p([], []), p([], []), p([], []));
export const OPENSSL = fam(p(['openssl'], ['openssl']), p(['openssl'], ['openssl']), p(['openssl'], ['openssl']));
export const OPENSSL_DEV = fam(
  p(['pkg-config', 'libssl-dev'], ['libssl3', 'ca-certificates']),
  p(['pkgconf-pkg-config', 'openssl-devel'], ['openssl-libs', 'ca-certificates']),
  p(['pkgconf', 'openssl-dev'], ['libssl3', 'ca-certificates']),
);
export const SQLITE_DEV = fam(p(['libsqlite3-dev'], ['libsqlite3-0']), p(['sqlite-devel'], ['sqlite-libs']), p(['sqlite-dev'], ['sqlite-libs']));
/** Shared libraries headless Chromium loads (Puppeteer / Playwright). */
export const CHROMIUM = fam(
  p([], ['ca-certificates', 'fonts-liberation', 'libasound2', 'libatk-bridge2.0-0', 'libatk1.0-0', 'libcups2', 'libdbus-1-3', 'libdrm2', 'libgbm1',
    'libgtk-3-0', 'libnspr4', 'libnss3', 'libx11-xcb1', 'libxcomposite1', 'libxdamage1', 'libxfixes3', 'libxkbcommon0', 'libxrandr2', 'xdg-utils']),
  p([], ['alsa-lib', 'atk', 'at-spi2-atk', 'cups-libs', 'gtk3', 'libdrm', 'libXcomposite', 'libXdamage', 'libXrandr', 'libxkbcommon', 'mesa-libgbm',
    'nss', 'pango', 'liberation-fonts']),
  p([], ['chromium', 'nss', 'freetype', 'harfbuzz', 'ca-certificates', 'ttf-freefont']),
);
export const with_ = (base: NativeSystemPackages, add: NativeSystemPackages): NativeSystemPackages => ({
  debian: p([...base.debian.build, ...add.debian.build], [...base.debian.runtime, ...add.debian.runtime]),
  rhel: p([...base.rhel.build, ...add.rhel.build], [...base.rhel.runtime, ...add.rhel.runtime]),
  alpine: p([...base.alpine.build, ...add.alpine.build], [...base.alpine.runtime, ...add.alpine.runtime]),
});
export const MYSQL_CLIENT = fam(
  p(['pkg-config', 'default-libmysqlclient-dev'], ['libmariadb3']),
  p(['pkgconf-pkg-config', 'mariadb-connector-c-devel'], ['mariadb-connector-c']),
  p(['pkgconf', 'mariadb-dev'], ['mariadb-connector-c']),
);

/** One ecosystem's dependency tables, as its module declares them. */
export interface DependencyTables {
  /** How this ecosystem compares dependency names (PEP 503, case-insensitive ids…); default: as written. */
  key?: (name: string) => string;
  /** Dependency names (in the form the provider reports) that imply each backing service. */
  services: Partial<Record<ServiceKind, readonly string[]>>;
  /** Packages with native code → the system packages they need per family. */
  native: Record<string, NativeSystemPackages>;
}
