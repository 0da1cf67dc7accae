// parity.yaml typos: a key Parity does not read, or an OS/arch it does not know, is a warning naming the
// key path — never silently replaced by the default. Editors show these as Problems, the CLI prints them.
import type { Warning } from './model';
import { findDistro } from './platform/distros';

const TOP_KEYS = ['targets', 'default'];
const TARGET_KEYS = ['os', 'arch', 'runtime', 'context'];
const ARCHES = ['amd64', 'arm64', 'x86_64', 'x64', 'x86-64', 'aarch64', 'arm64v8'];

/** Warnings for what parity.yaml holds that Parity would otherwise ignore or replace. `at` is the key path. */
export function checkProjectKeys(top: Record<string, unknown>, targets: Record<string, unknown>, file: string): (Warning & { at: string })[] {
  const out: (Warning & { at: string })[] = [];
  for (const key of Object.keys(top)) {
    if (!TOP_KEYS.includes(key)) out.push({ file, at: key, message: `${key}: not a parity.yaml key (known: ${TOP_KEYS.join(', ')})${suggest(key, TOP_KEYS)}` });
  }
  for (const [name, raw] of Object.entries(targets)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const t = raw as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (!TARGET_KEYS.includes(key)) out.push({ file, at: `targets.${name}.${key}`, message: `targets.${name}.${key}: not a target key (known: ${TARGET_KEYS.join(', ')})${suggest(key, TARGET_KEYS)}` });
    }
    if (t.os === undefined && t.context === undefined) out.push({ file, at: `targets.${name}`, message: `targets.${name}: no os: assuming debian12` });
    if (typeof t.os === 'string' && !findDistro(t.os.toLowerCase())) out.push({ file, at: `targets.${name}.os`, message: `targets.${name}.os: '${t.os}' is not an OS Parity knows (e.g. debian12, ubuntu22.04, rhel9, centos7, alpine3.20, amzn2023)` });
    if (typeof t.arch === 'string' && !ARCHES.includes(t.arch.toLowerCase())) out.push({ file, at: `targets.${name}.arch`, message: `targets.${name}.arch: '${t.arch}' is not amd64 or arm64` });
  }
  return out;
}

/** ` (did you mean 'targets'?)` when one known key is within two edits. */
function suggest(key: string, known: string[]): string {
  const near = known.find((k) => distance(k, key.toLowerCase()) <= 2);
  return near ? ` — did you mean '${near}'?` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
