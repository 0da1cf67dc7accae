// Rust: a Cargo package with at least one binary target is an app. A workspace root is an app only when
// it is also such a package; lib-only crates are libraries. The chosen binary is copied to `/app/<bin>`
// by generated images and started from there.
import type { Provider, ProviderProfile } from '../../../detect/provider';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import { asString } from '../../../parse/structured';
import { readManifest, crateName } from './manifest';
import { findBins, pickBin } from './bins';
import { rustVersion } from './toolchain';
import { RUST_FRAMEWORKS } from './frameworks';
import { rocketConfigPort } from './rocket';
import { cargoLock } from './lockfile';
import { folderName } from '../../static/detect/folder-name';

export const provider: Provider = {
  id: 'rust',
  markers: ['Cargo.toml'],
  matches: (ctx) => ctx.has('Cargo.toml'),
  profile,
};

function profile(ctx: AppContext): ProviderProfile | null {
  const toml = ctx.toml('Cargo.toml');
  if (!toml) return null; // malformed: warned by ctx.toml()
  const m = readManifest(toml);
  if (!m.package) return null; // a virtual workspace manifest
  const name = asString(m.package.name) ?? folderName(ctx, 'app');
  const bin = pickBin(ctx, m, findBins(ctx, m, name), name);
  if (!bin) return null; // a library crate

  const dependencies = Object.entries(m.dependencies).map(([key, spec]) => ({
    name: crateName(key, spec),
    source: `${ctx.rel('Cargo.toml')} > dependencies.${key}`,
  }));
  const fwDep = dependencies.find((d) => RUST_FRAMEWORKS[d.name]);
  const fw = fwDep ? RUST_FRAMEWORKS[fwDep.name] : undefined;
  const lockfile = cargoLock(ctx);
  return {
    name,
    runtimeVersion: rustVersion(ctx, m),
    packageManager: ctx.fact('cargo', 'Cargo.toml'),
    framework: fw && fwDep ? { value: fw.name, source: fwDep.source } : null,
    build: ctx.fact(lockfile ? 'cargo build --release --locked' : 'cargo build --release', 'Cargo.toml'),
    start: { value: `/app/${bin.value}`, source: bin.source },
    lockfile,
    binary: bin,
    configPort: fw?.name === 'rocket' ? rocketConfigPort(ctx) : null,
    defaultPort: fw?.defaultPort ? defaultFact(fw.defaultPort, `${fw.name} listens on ${fw.defaultPort}`) : null,
    dependencies,
    sourceExtensions: ['.rs'],
  };
}
