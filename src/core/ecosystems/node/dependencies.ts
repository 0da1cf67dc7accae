// node: dependency names that imply a backing service, and packages with native code and the system
// packages they need per family (names as the node provider reports them).
import type { DependencyTables } from '../../platform/system-packages';
import { NODE_GYP, LIBPQ, NONE, OPENSSL, CHROMIUM, with_, fam, p } from '../../platform/system-packages';

export const dependencies: DependencyTables = {
  services: {
    postgres: ['pg', 'postgres', 'pg-promise', 'pg-native', '@neondatabase/serverless', '@vercel/postgres'],
    mysql: ['mysql', 'mysql2'],
    redis: ['redis', 'ioredis', 'bull', 'bullmq', '@redis/client'],
    mongodb: ['mongodb', 'mongoose'],
    rabbitmq: ['amqplib', 'amqp-connection-manager'],
    kafka: ['kafkajs', 'node-rdkafka', '@confluentinc/kafka-javascript'],
    elasticsearch: ['@elastic/elasticsearch', 'elasticsearch'],
    memcached: ['memjs', 'memcached'],
  },
  native: {
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
};
