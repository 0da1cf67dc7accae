// Packages with native code, and the system packages each needs per distro family: `build` to install
// or compile it (builder stage), `runtime` for the shared libraries it loads (final image).
// Empty lists mean: native, but prebuilt binaries bundle everything on that family.
// Names are as the ecosystem's provider reports them (python PEP 503-normalized, PHP `ext-*`).
import type { Ecosystem, Family, SystemPackages } from '../model';

export type NativeSystemPackages = Record<Family, SystemPackages>;

const p = (build: string[], runtime: string[]): SystemPackages => ({ build, runtime });
const fam = (debian: SystemPackages, rhel: SystemPackages, alpine: SystemPackages): NativeSystemPackages => ({ debian, rhel, alpine });

// ---- building blocks ----
/** node-gyp: a compiler, make and Python, only used when no prebuilt binary fits. */
const NODE_GYP = fam(p(['python3', 'make', 'g++'], []), p(['python3', 'make', 'gcc-c++'], []), p(['python3', 'make', 'g++'], []));
/** A C compiler for cgo and small C extensions. */
const CC = fam(p(['gcc', 'libc6-dev'], []), p(['gcc', 'glibc-devel'], []), p(['gcc', 'musl-dev'], []));
const RUBY_CC = fam(p(['build-essential'], []), p(['gcc', 'make'], []), p(['build-base'], []));
const LIBPQ = fam(p(['libpq-dev'], ['libpq5']), p(['libpq-devel'], ['libpq']), p(['postgresql-dev'], ['libpq']));
const NONE = fam(p([], []), p([], []), p([], []));
const OPENSSL = fam(p(['openssl'], ['openssl']), p(['openssl'], ['openssl']), p(['openssl'], ['openssl']));
const OPENSSL_DEV = fam(
  p(['pkg-config', 'libssl-dev'], ['libssl3', 'ca-certificates']),
  p(['pkgconf-pkg-config', 'openssl-devel'], ['openssl-libs', 'ca-certificates']),
  p(['pkgconf', 'openssl-dev'], ['libssl3', 'ca-certificates']),
);
const SQLITE_DEV = fam(p(['libsqlite3-dev'], ['libsqlite3-0']), p(['sqlite-devel'], ['sqlite-libs']), p(['sqlite-dev'], ['sqlite-libs']));
/** Shared libraries headless Chromium loads (Puppeteer / Playwright). */
const CHROMIUM = fam(
  p([], ['ca-certificates', 'fonts-liberation', 'libasound2', 'libatk-bridge2.0-0', 'libatk1.0-0', 'libcups2', 'libdbus-1-3', 'libdrm2', 'libgbm1',
    'libgtk-3-0', 'libnspr4', 'libnss3', 'libx11-xcb1', 'libxcomposite1', 'libxdamage1', 'libxfixes3', 'libxkbcommon0', 'libxrandr2', 'xdg-utils']),
  p([], ['alsa-lib', 'atk', 'at-spi2-atk', 'cups-libs', 'gtk3', 'libdrm', 'libXcomposite', 'libXdamage', 'libXrandr', 'libxkbcommon', 'mesa-libgbm',
    'nss', 'pango', 'liberation-fonts']),
  p([], ['chromium', 'nss', 'freetype', 'harfbuzz', 'ca-certificates', 'ttf-freefont']),
);
const with_ = (base: NativeSystemPackages, add: NativeSystemPackages): NativeSystemPackages => ({
  debian: p([...base.debian.build, ...add.debian.build], [...base.debian.runtime, ...add.debian.runtime]),
  rhel: p([...base.rhel.build, ...add.rhel.build], [...base.rhel.runtime, ...add.rhel.runtime]),
  alpine: p([...base.alpine.build, ...add.alpine.build], [...base.alpine.runtime, ...add.alpine.runtime]),
});
const MYSQL_CLIENT = fam(
  p(['pkg-config', 'default-libmysqlclient-dev'], ['libmariadb3']),
  p(['pkgconf-pkg-config', 'mariadb-connector-c-devel'], ['mariadb-connector-c']),
  p(['pkgconf', 'mariadb-dev'], ['mariadb-connector-c']),
);

export const NATIVE_DEPS: Partial<Record<Ecosystem, Record<string, NativeSystemPackages>>> = {
  node: {
    // bcrypt, argon2, sqlite3, better-sqlite3 ship prebuilt binaries for glibc and musl and bundle their
    // libraries; node-gyp's toolchain is only needed when no prebuilt fits (new Node, other arch).
    'bcrypt': NODE_GYP,
    'argon2': NODE_GYP,
    'sqlite3': NODE_GYP,
    'better-sqlite3': NODE_GYP,
    'node-sass': NODE_GYP,
    // sharp ≥ 0.33 installs prebuilt libvips for linux glibc and musl: nothing to install.
    'sharp': NONE,
    'canvas': with_(NODE_GYP, fam(
      p(['libcairo2-dev', 'libpango1.0-dev', 'libjpeg-dev', 'libgif-dev', 'librsvg2-dev'], ['libcairo2', 'libpango-1.0-0', 'libpangocairo-1.0-0', 'libjpeg62-turbo', 'libgif7', 'librsvg2-2']),
      p(['cairo-devel', 'pango-devel', 'libjpeg-turbo-devel', 'giflib-devel', 'librsvg2-devel'], ['cairo', 'pango', 'libjpeg-turbo', 'giflib', 'librsvg2']),
      p(['cairo-dev', 'pango-dev', 'jpeg-dev', 'giflib-dev', 'librsvg-dev', 'pixman-dev'], ['cairo', 'pango', 'libjpeg-turbo', 'giflib', 'librsvg', 'pixman']),
    )),
    'pg-native': with_(NODE_GYP, LIBPQ),
    // Prisma's query engine links OpenSSL and detects its version with the `openssl` binary, at
    // `prisma generate` (build) and at run time.
    'prisma': OPENSSL,
    '@prisma/client': OPENSSL,
    'puppeteer': CHROMIUM,
    'playwright': CHROMIUM,
    'playwright-chromium': CHROMIUM,
  },
  python: {
    'psycopg2': with_(fam(p(['gcc'], []), p(['gcc', 'python3-devel'], []), p(['gcc', 'musl-dev'], [])), LIBPQ),
    // psycopg 3 without the [binary] extra loads the system libpq at run time.
    'psycopg': fam(p([], ['libpq5']), p([], ['libpq']), p([], ['libpq'])),
    'mysqlclient': with_(fam(p(['gcc'], []), p(['gcc', 'python3-devel'], []), p(['gcc', 'musl-dev'], [])), MYSQL_CLIENT),
    // lxml and Pillow publish manylinux and musllinux wheels; these are for a source build.
    'lxml': fam(
      p(['gcc', 'libxml2-dev', 'libxslt1-dev'], ['libxml2', 'libxslt1.1']),
      p(['gcc', 'python3-devel', 'libxml2-devel', 'libxslt-devel'], ['libxml2', 'libxslt']),
      p(['gcc', 'musl-dev', 'libxml2-dev', 'libxslt-dev'], ['libxml2', 'libxslt']),
    ),
    'pillow': fam(
      p(['gcc', 'libjpeg62-turbo-dev', 'zlib1g-dev', 'libfreetype6-dev'], ['libjpeg62-turbo', 'zlib1g', 'libfreetype6']),
      p(['gcc', 'python3-devel', 'libjpeg-turbo-devel', 'zlib-devel', 'freetype-devel'], ['libjpeg-turbo', 'zlib', 'freetype']),
      p(['gcc', 'musl-dev', 'jpeg-dev', 'zlib-dev', 'freetype-dev'], ['libjpeg-turbo', 'zlib', 'freetype']),
    ),
    // cryptography wheels bundle OpenSSL; a source build needs Rust and the OpenSSL headers.
    'cryptography': fam(
      p(['gcc', 'libffi-dev', 'libssl-dev', 'pkg-config', 'cargo'], []),
      p(['gcc', 'python3-devel', 'libffi-devel', 'openssl-devel', 'cargo'], []),
      p(['gcc', 'musl-dev', 'libffi-dev', 'openssl-dev', 'pkgconf', 'cargo'], []),
    ),
    'pyodbc': fam(
      p(['gcc', 'g++', 'unixodbc-dev'], ['unixodbc']),
      p(['gcc', 'gcc-c++', 'python3-devel', 'unixODBC-devel'], ['unixODBC']),
      p(['gcc', 'g++', 'musl-dev', 'unixodbc-dev'], ['unixodbc']),
    ),
    // numpy / pandas / scipy: wheels for glibc and musl; a compiler only for a source build.
    'numpy': fam(p(['gcc', 'g++'], []), p(['gcc', 'gcc-c++', 'python3-devel'], []), p(['gcc', 'g++', 'musl-dev'], [])),
    'pandas': fam(p(['gcc', 'g++'], []), p(['gcc', 'gcc-c++', 'python3-devel'], []), p(['gcc', 'g++', 'musl-dev'], [])),
    'scipy': fam(
      p(['gcc', 'g++', 'gfortran', 'libopenblas-dev'], ['libopenblas0', 'libgfortran5']),
      p(['gcc', 'gcc-c++', 'gcc-gfortran', 'python3-devel', 'openblas-devel'], ['openblas', 'libgfortran']),
      p(['gcc', 'g++', 'gfortran', 'musl-dev', 'openblas-dev'], ['openblas', 'libgfortran']),
    ),
    'python-magic': fam(p([], ['libmagic1']), p([], ['file-libs']), p([], ['libmagic'])),
  },
  ruby: {
    'pg': with_(RUBY_CC, LIBPQ),
    'mysql2': with_(RUBY_CC, MYSQL_CLIENT),
    // nokogiri and sqlite3 ship precompiled gems for gnu and musl Linux and vendor libxml2/sqlite
    // when compiled: a toolchain only.
    'nokogiri': RUBY_CC,
    'sqlite3': RUBY_CC,
  },
  php: {
    // Extensions installed with docker-php-ext-install / pecl: headers to build, libraries to run.
    'ext-pgsql': LIBPQ,
    'ext-pdo_pgsql': LIBPQ,
    'ext-pdo_mysql': NONE,
    'ext-mysqli': NONE,
    'ext-gd': fam(
      p(['libpng-dev', 'libjpeg62-turbo-dev', 'libfreetype6-dev'], ['libpng16-16', 'libjpeg62-turbo', 'libfreetype6']),
      p(['libpng-devel', 'libjpeg-turbo-devel', 'freetype-devel'], ['libpng', 'libjpeg-turbo', 'freetype']),
      p(['libpng-dev', 'libjpeg-turbo-dev', 'freetype-dev'], ['libpng', 'libjpeg-turbo', 'freetype']),
    ),
    'ext-intl': fam(p(['libicu-dev'], ['libicu72']), p(['libicu-devel'], ['libicu']), p(['icu-dev'], ['icu-libs'])),
    'ext-zip': fam(p(['libzip-dev'], ['libzip4']), p(['libzip-devel'], ['libzip']), p(['libzip-dev'], ['libzip'])),
    'ext-xsl': fam(p(['libxslt1-dev'], ['libxslt1.1']), p(['libxslt-devel'], ['libxslt']), p(['libxslt-dev'], ['libxslt'])),
    'ext-soap': fam(p(['libxml2-dev'], ['libxml2']), p(['libxml2-devel'], ['libxml2']), p(['libxml2-dev'], ['libxml2'])),
    'ext-ldap': fam(p(['libldap2-dev'], ['libldap-2.5-0']), p(['openldap-devel'], ['openldap']), p(['openldap-dev'], ['libldap'])),
    'ext-imagick': fam(p(['libmagickwand-dev'], ['libmagickwand-6.q16-6']), p(['ImageMagick-devel'], ['ImageMagick-libs']), p(['imagemagick-dev'], ['imagemagick-libs'])),
    'ext-memcached': fam(p(['libmemcached-dev', 'zlib1g-dev'], ['libmemcached11']), p(['libmemcached-awesome-devel', 'zlib-devel'], ['libmemcached-awesome']), p(['libmemcached-dev', 'zlib-dev'], ['libmemcached-libs'])),
    'ext-amqp': fam(p(['librabbitmq-dev'], ['librabbitmq4']), p(['librabbitmq-devel'], ['librabbitmq']), p(['rabbitmq-c-dev'], ['rabbitmq-c'])),
    'ext-mongodb': fam(p(['libssl-dev'], []), p(['openssl-devel'], []), p(['openssl-dev'], [])),
    'ext-redis': NONE,
    'ext-rdkafka': fam(p(['librdkafka-dev'], ['librdkafka1']), p(['librdkafka-devel'], ['librdkafka']), p(['librdkafka-dev'], ['librdkafka'])),
  },
  go: {
    // cgo packages: a C toolchain at build time; SQLite is compiled in.
    'github.com/mattn/go-sqlite3': CC,
    'github.com/confluentinc/confluent-kafka-go': CC,
  },
  rust: {
    'openssl': OPENSSL_DEV,
    'openssl-sys': OPENSSL_DEV,
    'native-tls': OPENSSL_DEV,
    'pq-sys': fam(p(['libpq-dev'], ['libpq5']), p(['libpq-devel'], ['libpq']), p(['postgresql-dev'], ['libpq'])),
    'libsqlite3-sys': SQLITE_DEV,
    'rusqlite': SQLITE_DEV,
  },
};
