// Every drift rule, in catalog order. One file per rule id. The rules a run under production constraints
// catches (READONLY_WRITE, OOM_LIMIT, PROBE_FAIL, SECRET_KEY_MISSING, PRIVILEGED_PORT) are listed in
// ../../twin/rules.ts: they need the real container, not this context.
import type { Rule } from '../rule';
import { LIBC_FAMILY } from './LIBC_FAMILY';
import { ARCH } from './ARCH';
import { GLIBC_FLOOR } from './GLIBC_FLOOR';
import { SYSLIB_MISSING } from './SYSLIB_MISSING';
import { HOST_ARTIFACT_COPIED } from './HOST_ARTIFACT_COPIED';
import { RUNTIME_VERSION } from './RUNTIME_VERSION';
import { FLOATING_TAG } from './FLOATING_TAG';
import { OPENSSL_ABI } from './OPENSSL_ABI';
import { WHEEL_TAG } from './WHEEL_TAG';
import { PKG_MANAGER } from './PKG_MANAGER';
import { CRLF } from './CRLF';
import { CASE } from './CASE';
import { TZ_LOCALE } from './TZ_LOCALE';
import { ENV_MISSING } from './ENV_MISSING';
import { PORT_MISMATCH } from './PORT_MISMATCH';
import { ROOT_USER } from './ROOT_USER';

export const RULES: readonly Rule[] = [
  LIBC_FAMILY, ARCH, GLIBC_FLOOR, SYSLIB_MISSING, HOST_ARTIFACT_COPIED, RUNTIME_VERSION, FLOATING_TAG, OPENSSL_ABI,
  WHEEL_TAG, PKG_MANAGER, CRLF, CASE, TZ_LOCALE, ENV_MISSING, PORT_MISMATCH, ROOT_USER,
];
