// Rust version: a rust-toolchain(.toml) file — in the package folder or any parent, as rustup looks
// upward — pins the toolchain; else `package.rust-version` (the MSRV, possibly inherited from the
// workspace's `workspace.package.rust-version`).
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { join } from '../../../repo';
import { asRecord, asString, parseTomlText } from '../../../parse/structured';
import type { CargoManifest } from './manifest';

export function rustVersion(ctx: AppContext, m: CargoManifest): Fact<string> | null {
  for (const dir of ancestors(ctx.dir)) {
    for (const name of ['rust-toolchain.toml', 'rust-toolchain']) {
      const rel = join(dir, name);
      const text = ctx.repo.readText(rel);
      if (text === undefined) continue;
      const channel = toolchainChannel(text, name);
      if (channel) return channel.key ? { value: channel.value, source: `${rel} > ${channel.key}` } : { value: channel.value, source: rel };
      const message = 'no toolchain channel found';
      if (!ctx.repo.warnings.some((w) => w.file === rel && w.message === message)) ctx.repo.warnings.push({ file: rel, message });
    }
  }
  const own = m.package?.['rust-version'];
  if (typeof own === 'string') return ctx.fact(own, 'Cargo.toml', 'package.rust-version');
  if (asRecord(own)?.workspace === true) return inheritedRustVersion(ctx);
  return null;
}

function toolchainChannel(text: string, name: string): { value: string; key?: string } | undefined {
  const trimmed = text.trim();
  // The legacy `rust-toolchain` file is either one line (`1.78.0`) or the same TOML as the new file.
  if (name === 'rust-toolchain' && /^[\w.-]+$/.test(trimmed)) return { value: trimmed };
  const parsed = parseTomlText(text);
  if (!parsed.ok) return undefined;
  const channel = asString(asRecord(parsed.value.toolchain)?.channel);
  return channel ? { value: channel, key: 'toolchain.channel' } : undefined;
}

function inheritedRustVersion(ctx: AppContext): Fact<string> | null {
  for (const dir of ancestors(ctx.dir).slice(1)) {
    const rel = join(dir, 'Cargo.toml');
    const text = ctx.repo.readText(rel);
    if (text === undefined) continue;
    const parsed = parseTomlText(text);
    if (!parsed.ok) continue;
    const ws = asRecord(parsed.value.workspace);
    if (!ws) continue;
    const v = asString(asRecord(ws.package)?.['rust-version']);
    return v ? { value: v, source: `${rel} > workspace.package.rust-version` } : null;
  }
  return null;
}

/** The folder itself, then each parent up to the scanned root (''). */
export function ancestors(dir: string): string[] {
  const out = [dir];
  let cur = dir;
  while (cur) {
    const i = cur.lastIndexOf('/');
    cur = i < 0 ? '' : cur.slice(0, i);
    out.push(cur);
  }
  return out;
}
