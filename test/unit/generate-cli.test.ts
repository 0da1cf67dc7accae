// `parity generate` end to end on copies of fixture apps: preview by default, exit codes, --write policy,
// --json shape, --target/--family, --app and --out.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { FIXTURE_APPS } from '../helpers/paths';

const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-gen-cli-'));
  temps.push(dir);
  fs.cpSync(path.join(FIXTURE_APPS, name), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'expected.json'), { force: true });
  return dir;
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd, signal: new AbortController().signal, isTTY: false };
  const code = await main(['generate', ...argv], io);
  return { code, out, err };
}

test('the default is a preview: a diff of new files, nothing written', async () => {
  const dir = copyFixture('node-express-npm');
  const r = await run(dir);
  assert.equal(r.code, 0);
  assert.match(r.out, /^\+\+\+ b\/Dockerfile/m);
  assert.match(r.out, /^\+FROM node:20-bookworm-slim/m);
  assert.match(r.err, /new +deploy\/k8s\/deployment\.yaml/);
  assert.ok(!fs.existsSync(path.join(dir, 'Dockerfile')));
});

test('--write creates new files, leaves existing ones alone (exit 1), --force replaces them', async () => {
  const dir = copyFixture('node-express-npm');
  const first = await run(dir, '--write');
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /created +compose\.yaml/);
  const again = await run(dir, '--write');
  assert.equal(again.code, 0);
  assert.match(again.out, /unchanged \d+ file/);
  const file = path.join(dir, 'Dockerfile');
  const edited = fs.readFileSync(file, 'utf8') + 'LABEL owner=me\n';
  fs.writeFileSync(file, edited);
  const refused = await run(dir, '--write');
  assert.equal(refused.code, 1);
  assert.match(refused.out, /skipped +Dockerfile: you edited it/);
  assert.match(refused.err, /warning: Dockerfile: edited since Parity generated it/);
  assert.equal(fs.readFileSync(file, 'utf8'), edited);
  const forced = await run(dir, '--force');
  assert.equal(forced.code, 0);
  assert.match(forced.out, /replaced +Dockerfile/);
  assert.ok(!fs.readFileSync(file, 'utf8').includes('LABEL owner=me'));
});

test('--json prints { files: [{ path, status, content }] }', async () => {
  const dir = copyFixture('python-uv-fastapi');
  fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services: {}\n');
  const r = await run(dir, '--json');
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  assert.ok(Array.isArray(json.files));
  const byPath = Object.fromEntries(json.files.map((f: { path: string }) => [f.path, f]));
  assert.equal(byPath.Dockerfile.status, 'new');
  assert.equal(byPath['compose.yaml'].status, 'changed');
  assert.match(byPath.Dockerfile.content, /uv sync --frozen --no-dev/);
  for (const f of json.files) assert.deepEqual(Object.keys(f), ['path', 'status', 'content']);
});

test('the parity.yaml target picks the base family; --family overrides it', async () => {
  const dir = copyFixture('node-express-npm');
  fs.writeFileSync(path.join(dir, 'parity.yaml'), 'targets:\n  prod:\n    os: rhel9\n  edge:\n    os: alpine3.20\n');
  const byDefault = JSON.parse((await run(dir, '--json')).out);
  assert.match(byDefault.files.find((f: { path: string }) => f.path === 'Dockerfile').content, /registry\.access\.redhat\.com\/ubi9\/nodejs-20/);
  const edge = JSON.parse((await run(dir, '--json', '--target', 'edge')).out);
  assert.match(edge.files.find((f: { path: string }) => f.path === 'Dockerfile').content, /FROM node:20-alpine/);
  const forced = JSON.parse((await run(dir, '--json', '--target', 'edge', '--family', 'debian')).out);
  assert.match(forced.files.find((f: { path: string }) => f.path === 'Dockerfile').content, /FROM node:20-bookworm-slim/);
  const missing = await run(dir, '--target', 'staging');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no target named 'staging'.*\n.*prod, edge/);
});

test('bad input is a clear message with a usage or failure exit code', async () => {
  const dir = copyFixture('node-express-npm');
  assert.equal((await run(dir, '--family', 'windows')).code, 2);
  assert.equal((await run(dir, '--bogus')).code, 2);
  assert.equal((await run(dir, 'no-such-folder')).code, 2);
  const tag = await run(dir, '--tag', 'latest');
  assert.equal(tag.code, 1);
  assert.match(tag.err, /never latest/);
  const app = await run(dir, '--app', 'services/nope');
  assert.equal(app.code, 1);
  assert.match(app.err, /no app at 'services\/nope'/);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-gen-empty-'));
  temps.push(empty);
  const none = await run(empty);
  assert.equal(none.code, 1);
  assert.match(none.err, /no deployable app/);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f === 'Dockerfile' || f === 'deploy'), [], 'nothing was written');
});

test('--app limits generation to one app of a monorepo; --out writes elsewhere', async () => {
  const dir = copyFixture('monorepo-npm-workspaces');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-gen-out-'));
  temps.push(out);
  const r = await run(dir, '--app', 'apps/api', '--out', out, '--write');
  assert.equal(r.code, 0, r.err);
  assert.ok(fs.existsSync(path.join(out, 'apps/api/Dockerfile')));
  assert.ok(!fs.existsSync(path.join(out, 'apps/web/Dockerfile')));
  assert.ok(fs.existsSync(path.join(out, 'compose.yaml')));
  assert.ok(!fs.existsSync(path.join(dir, 'apps/api/Dockerfile')), 'the scanned folder is untouched');
});

test('--ingress --hpa --pdb --k8s-dir add the optional manifests where asked', async () => {
  const dir = copyFixture('go-basic');
  const r = await run(dir, '--json', '--ingress', '--hpa', '--pdb', '--k8s-dir', 'k8s');
  const paths = JSON.parse(r.out).files.map((f: { path: string }) => f.path);
  for (const f of ['ingress.yaml', 'hpa.yaml', 'pdb.yaml', 'kustomization.yaml']) assert.ok(paths.includes(`k8s/${f}`), f);
  const kust = JSON.parse(r.out).files.find((f: { path: string }) => f.path === 'k8s/kustomization.yaml').content;
  assert.match(kust, /--ingress --hpa --pdb/, 'the regenerate hint repeats the options');
});
