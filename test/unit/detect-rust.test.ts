// Rust: toolchain precedence, binaries (default-run, package-named, src/bin), lib-only crates and
// workspaces, Rocket ports, renamed dependencies, malformed manifests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const mainRs = 'fn main() {\n    println!("hi");\n}\n';
const libRs = 'pub fn add(a: i32, b: i32) -> i32 { a + b }\n';
const pkg = (name: string, extra = '') => `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`;

function apps(tree: Record<string, string>) {
  return detect(new MemoryRepo(tree));
}

function only(tree: Record<string, string>) {
  const result = apps(tree);
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return result.apps[0];
}

test('toolchain: rust-toolchain.toml, then the legacy rust-toolchain file, then package.rust-version', () => {
  const base = { 'Cargo.toml': pkg('svc', 'rust-version = "1.70"\n'), 'src/main.rs': mainRs };
  assert.deepEqual(only({ ...base, 'rust-toolchain.toml': '[toolchain]\nchannel = "1.78"\n', 'rust-toolchain': '1.60.0\n' }).runtimeVersion,
    { value: '1.78', source: 'rust-toolchain.toml > toolchain.channel' });
  assert.deepEqual(only({ ...base, 'rust-toolchain': '1.77.2\n' }).runtimeVersion, { value: '1.77.2', source: 'rust-toolchain' });
  assert.deepEqual(only({ ...base, 'rust-toolchain': '[toolchain]\nchannel = "nightly-2024-05-01"\n' }).runtimeVersion,
    { value: 'nightly-2024-05-01', source: 'rust-toolchain > toolchain.channel' });
  assert.deepEqual(only(base).runtimeVersion, { value: '1.70', source: 'Cargo.toml > package.rust-version' });
  assert.equal(only({ 'Cargo.toml': pkg('svc'), 'src/main.rs': mainRs }).runtimeVersion, null);
});

test('a toolchain file at the workspace root applies to its members (rustup looks upward)', () => {
  const result = apps({
    'Cargo.toml': '[workspace]\nmembers = ["api"]\n',
    'rust-toolchain.toml': '[toolchain]\nchannel = "1.79"\n',
    'Cargo.lock': 'version = 3\n',
    'api/Cargo.toml': pkg('api'),
    'api/src/main.rs': mainRs,
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.runtimeVersion, a.lockfile, a.build?.value]), [
    ['api', { value: '1.79', source: 'rust-toolchain.toml > toolchain.channel' }, { value: '../Cargo.lock', source: 'Cargo.lock' }, 'cargo build --release --locked'],
  ]);
});

test('the deployed binary: default-run, then the bin named like the package, then the first', () => {
  const many = { 'src/bin/admin.rs': mainRs, 'src/bin/worker/main.rs': mainRs };
  assert.deepEqual(only({ 'Cargo.toml': pkg('svc'), 'src/main.rs': mainRs, ...many }).binary, { value: 'svc', source: 'src/main.rs' });
  assert.deepEqual(only({ 'Cargo.toml': pkg('svc', 'default-run = "worker"\n'), 'src/main.rs': mainRs, ...many }).start,
    { value: '/app/worker', source: 'Cargo.toml > package.default-run' });
  assert.deepEqual(only({ 'Cargo.toml': pkg('svc'), ...many }).binary, { value: 'admin', source: 'src/bin/admin.rs' });
  const explicit = only({ 'Cargo.toml': pkg('svc') + '\n[[bin]]\nname = "gateway"\npath = "src/gw.rs"\n', 'src/gw.rs': mainRs, 'src/lib.rs': libRs });
  assert.deepEqual(explicit.binary, { value: 'gateway', source: 'Cargo.toml > bin[0].name' });
});

test('lib-only crates and virtual workspaces are not apps; a workspace root that is also a bin package is', () => {
  assert.deepEqual(apps({ 'Cargo.toml': pkg('util'), 'src/lib.rs': libRs }).apps, []);
  assert.deepEqual(apps({ 'Cargo.toml': pkg('util', 'autobins = false\n'), 'src/lib.rs': libRs, 'src/main.rs': mainRs }).apps, []);
  const result = apps({
    'Cargo.toml': pkg('root') + '\n[workspace]\nmembers = ["crates/*"]\n',
    'src/main.rs': mainRs,
    'crates/core/Cargo.toml': pkg('core-lib'),
    'crates/core/src/lib.rs': libRs,
    'crates/cli/Cargo.toml': pkg('cli'),
    'crates/cli/src/main.rs': mainRs,
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.name]), [['.', 'root'], ['crates/cli', 'cli']]);
});

test('frameworks and services by crate; renamed dependencies count under their real name', () => {
  const toml = pkg('svc') + '\n[dependencies]\nweb = { package = "actix-web", version = "4" }\ndb = { package = "tokio-postgres", version = "0.7" }\n\n[dev-dependencies]\nredis = "0.25"\n';
  const app = only({ 'Cargo.toml': toml, 'src/main.rs': mainRs });
  assert.deepEqual(app.framework, { value: 'actix-web', source: 'Cargo.toml > dependencies.web' });
  assert.deepEqual(app.services, [{ value: 'postgres', source: 'Cargo.toml > dependencies.db' }]);
  assert.equal(app.lockfile, null);
  assert.equal(app.build?.value, 'cargo build --release');
});

test('Rocket: 8000 by default; Rocket.toml [release] beats [default]', () => {
  const toml = pkg('site') + '\n[dependencies]\nrocket = "0.5"\n';
  assert.deepEqual(only({ 'Cargo.toml': toml, 'src/main.rs': mainRs }).port, { value: 8000, source: 'default (rocket listens on 8000)' });
  const rocketToml = '[default]\nport = 8001\n\n[release]\nport = 8002\n';
  assert.deepEqual(only({ 'Cargo.toml': toml, 'src/main.rs': mainRs, 'Rocket.toml': rocketToml }).port, { value: 8002, source: 'Rocket.toml > release.port' });
});

test('a malformed Cargo.toml is a warning and no app, never a crash', () => {
  const result = apps({ 'Cargo.toml': '[package\nname = "x"\n', 'src/main.rs': mainRs });
  assert.deepEqual(result.apps, []);
  assert.equal(result.warnings.length, 1);
  assert.equal(result.warnings[0].file, 'Cargo.toml');
  assert.match(result.warnings[0].message, /^invalid TOML/);
  const weird = apps({ 'Cargo.toml': 'package = 3\nbin = "x"\ndependencies = []\n', 'src/main.rs': mainRs });
  assert.deepEqual(weird.apps, []);
  const badToolchain = apps({ 'Cargo.toml': pkg('svc'), 'src/main.rs': mainRs, 'rust-toolchain.toml': '[toolchain\n' });
  assert.equal(badToolchain.apps[0]?.runtimeVersion, null);
  assert.deepEqual(badToolchain.warnings, [{ file: 'rust-toolchain.toml', message: 'no toolchain channel found' }]);
});

test('a Cargo.lock above is shared only when the Cargo.toml above is a workspace', () => {
  const result = apps({
    'Cargo.toml': pkg('outer'), 'Cargo.lock': 'version = 3\n', 'src/main.rs': mainRs,
    'tools/gen/Cargo.toml': pkg('gen'), 'tools/gen/src/main.rs': mainRs,
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.lockfile?.value ?? null]), [['.', 'Cargo.lock'], ['tools/gen', null]]);
  const deep = apps({ 'Cargo.toml': '[workspace]\nmembers = ["crates/*/*"]\n', 'Cargo.lock': 'version = 3\n', 'crates/a/b/Cargo.toml': pkg('b'), 'crates/a/b/src/main.rs': mainRs });
  assert.deepEqual(deep.apps[0].lockfile, { value: '../../../Cargo.lock', source: 'Cargo.lock' });
});
