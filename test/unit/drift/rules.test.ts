// Every catalog rule fires on the scenario that reproduces its real failure and stays silent on a clean
// app. Native artifacts are compiled on this machine during the test.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runDrift, ofRule, type DriftRun } from './harness';
import { SCENARIOS } from './scenarios';
import { hasTool } from './native-build';
import type { Finding } from '../../../src/core/model';
import { scanArtifacts } from '../../../src/probe/artifacts';
import { DiskRepo } from '../../../src/core/repo';

function fires(scenario: string, id: string): { run: DriftRun; hits: Finding[] } {
  const run = runDrift(SCENARIOS[scenario]());
  const hits = ofRule(run.findings, id);
  assert.ok(hits.length > 0, `${id} should fire on ${scenario}; got ${run.findings.map((f) => f.id).join(', ') || 'nothing'}`);
  for (const f of hits) {
    assert.ok(f.evidence.length > 0, 'a finding names its evidence');
    assert.ok(f.fix.text.length > 0, 'a finding carries a fix');
  }
  return { run, hits };
}

let cleanRun: DriftRun | undefined;
function clean(): DriftRun {
  return (cleanRun ??= runDrift(SCENARIOS.clean()));
}

function hostGlibc(): string {
  return /(\d+\.\d+)\s*$/m.exec(execFileSync('ldd', ['--version'], { encoding: 'utf8' }).split('\n')[0])![1];
}

const RULE_IDS = ['LIBC_FAMILY', 'ARCH', 'GLIBC_FLOOR', 'SYSLIB_MISSING', 'HOST_ARTIFACT_COPIED', 'RUNTIME_VERSION', 'FLOATING_TAG', 'OPENSSL_ABI',
  'WHEEL_TAG', 'PKG_MANAGER', 'CRLF', 'CASE', 'TZ_LOCALE', 'ENV_MISSING', 'PORT_MISMATCH', 'ROOT_USER'];

test('the clean app has no findings at all (it ships a native addon compiled here, runs non-root, pins versions)', () => {
  const run = clean();
  assert.deepEqual(run.findings.map((f) => `${f.id}: ${f.title}`), []);
  // The silence is earned: the scan saw the addon (shipped) and the host node_modules (excluded).
  const scan = scanArtifacts(run.dir, new DiskRepo(run.dir));
  assert.deepEqual(scan.artifacts.map((a) => 'file' in a.location && a.location.file), ['lib/native/addon.node']);
  assert.ok(fs.existsSync(path.join(run.dir, 'node_modules/express/index.js')));
});

for (const id of RULE_IDS) {
  test(`${id} stays silent on the clean app`, () => {
    assert.deepEqual(ofRule(clean().findings, id), []);
  });
}

test('LIBC_FAMILY: a glibc-built native module (gcc, now) with an Alpine target', () => {
  const { hits } = fires('libc-glibc-module-alpine', 'LIBC_FAMILY');
  assert.equal(hits[0].severity, 'error');
  assert.deepEqual(hits[0].evidence[0], { file: 'node_modules/bcrypt/build/Release/bcrypt_lib.node', excerpt: 'DT_NEEDED libc.so.6' });
  assert.match(hits[0].message, /musl/);
});

test('LIBC_FAMILY: a musl binary (musl-gcc, now) with a Debian 12 target', { skip: !hasTool('musl-gcc') && 'musl-gcc (musl-tools) not installed' }, () => {
  const { hits } = fires('libc-musl-binary-debian', 'LIBC_FAMILY');
  assert.match(JSON.stringify(hits[0].evidence[0]), /ld-musl-x86_64\.so\.1/);
  assert.match(hits[0].title, /^musl binary on a glibc system/);
});

test('ARCH: an arm64 binary for an amd64 target', () => {
  const { hits } = fires('arch-arm64-binary', 'ARCH');
  assert.equal(hits[0].severity, 'error');
  assert.equal((hits[0].evidence[0] as { file: string }).file, 'bin/server');
  assert.match(hits[0].message, /arm64.*amd64.*exec format error/s);
});

test('GLIBC_FLOOR: an executable compiled here (glibc ≥ 2.34) with a CentOS 7 target (glibc 2.17)', () => {
  const { hits } = fires('glibc-floor-centos7', 'GLIBC_FLOOR');
  assert.match(hits[0].title, /needs GLIBC_2\.\d+, target prod \(CentOS 7\) has glibc 2\.17/);
  assert.ok(Number(hostGlibc().split('.')[1]) >= 34);
  assert.equal((hits[0].evidence[0] as { file: string }).file, 'bin/app');
});

test('SYSLIB_MISSING: an addon needing libpq.so.5 in a slim image that does not install libpq5, with an install edit', () => {
  const { hits } = fires('syslib-missing-libpq', 'SYSLIB_MISSING');
  assert.match(hits[0].title, /libpq\.so\.5/);
  assert.deepEqual(hits[0].fix.edits, [{ file: 'Dockerfile', line: 2, insert: true, newText: 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' }]);
});

test('HOST_ARTIFACT_COPIED: COPY . . with the host node_modules and no .dockerignore; the edit creates one', () => {
  const { hits } = fires('host-artifact-copied', 'HOST_ARTIFACT_COPIED');
  assert.deepEqual(hits[0].fix.edits, [{ file: '.dockerignore', line: 1, insert: true, newText: 'node_modules\n' }]);
  assert.deepEqual(hits[0].evidence[0], { file: 'Dockerfile', line: 3, excerpt: 'COPY . .' });
});

test('RUNTIME_VERSION: .nvmrc 18 vs FROM node:20, with an edit to the FROM tag', () => {
  const { hits } = fires('runtime-nvmrc-18-node-20', 'RUNTIME_VERSION');
  assert.deepEqual(hits[0].fix.edits, [{ file: 'Dockerfile', line: 1, newText: 'FROM node:18-bookworm-slim' }]);
  assert.deepEqual(hits[0].evidence[0], { file: '.nvmrc', excerpt: 'node 18' });
});

test('RUNTIME_VERSION: a classic addon built for Node 18 (NODE_MODULE_VERSION 108, compiled now) copied into a node:20 image', () => {
  const { hits } = fires('node-abi-18-on-node-20', 'RUNTIME_VERSION');
  const abi = hits.find((h) => /addon built for Node 18/.test(h.title))!;
  assert.equal(abi.severity, 'error');
  assert.match(abi.message, /NODE_MODULE_VERSION 108 \(Node 18\); Node 20 requires NODE_MODULE_VERSION 115/);
  assert.deepEqual(abi.evidence[1], { file: 'Dockerfile', line: 1, excerpt: 'FROM node:20-bookworm-slim' });
});

test('RUNTIME_VERSION: classes compiled with javac --release 17 (now) on an eclipse-temurin:11 runtime', { skip: !hasTool('javac') && 'javac not installed' }, () => {
  const { hits } = fires('java-classes-17-on-jre-11', 'RUNTIME_VERSION');
  assert.equal(hits[0].title, 'classes compiled for Java 17, runtime is Java 11');
  assert.match(hits[0].message, /UnsupportedClassVersionError/);
  assert.equal((hits[0].evidence[0] as { file: string }).file, 'target/classes/demo/App.class');
});

test('FLOATING_TAG: FROM node (untagged) and image: …:latest', () => {
  const { hits } = fires('floating-tag', 'FLOATING_TAG');
  assert.deepEqual(hits.map((h) => (h.evidence[0] as { file: string }).file).sort(), ['Dockerfile', 'k8s/deployment.yaml']);
  const fromFix = hits.find((h) => (h.evidence[0] as { file: string }).file === 'Dockerfile')!;
  assert.deepEqual(fromFix.fix.edits, [{ file: 'Dockerfile', line: 1, newText: 'FROM node:20' }]);
});

test('OPENSSL_ABI: an addon linked to libssl.so.1.1 in a Debian 12 (OpenSSL 3) image', () => {
  const { hits } = fires('openssl-1.1-on-bookworm', 'OPENSSL_ABI');
  assert.match(hits[0].message, /libssl\.so\.1\.1/);
});

test('WHEEL_TAG: a manylinux wheel from the virtualenv with an Alpine target', () => {
  const { hits } = fires('wheel-manylinux-alpine', 'WHEEL_TAG');
  assert.match(hits[0].title, /numpy-1\.26\.4 wheel \(manylinux_2_17_x86_64, manylinux2014_x86_64\)/);
});

test('PKG_MANAGER: apt-get in an Alpine-based Dockerfile, with an apk edit', () => {
  const { hits } = fires('pkg-apt-on-alpine', 'PKG_MANAGER');
  assert.deepEqual(hits[0].fix.edits, [{ file: 'Dockerfile', line: 2, newText: 'RUN apk add --no-cache curl' }]);
});

test('CRLF: a CRLF entrypoint, with a .gitattributes edit', () => {
  const { hits } = fires('crlf-entrypoint', 'CRLF');
  assert.deepEqual(hits[0].evidence[0], { file: 'docker-entrypoint.sh', line: 1, excerpt: '#!/bin/bash\\r' });
  assert.deepEqual(hits[0].fix.edits, [{ file: '.gitattributes', line: 1, insert: true, newText: '*.sh text eol=lf\n' }]);
  assert.match(hits[0].message, /entrypoint/);
});

test('CASE: require(\'./renderer/Image\') when the file is renderer/image.js', () => {
  const { hits } = fires('case-import', 'CASE');
  assert.deepEqual(hits[0].evidence[0], { file: 'src/index.js', line: 1, excerpt: "const Image = require('./renderer/Image');" });
  assert.deepEqual(hits[0].fix.edits, [{ file: 'src/index.js', line: 1, newText: "const Image = require('./renderer/image');" }]);
});

test('TZ_LOCALE: Go time.LoadLocation("Asia/Shanghai") with an alpine runtime stage and no tzdata', () => {
  const { hits } = fires('tz-go-alpine', 'TZ_LOCALE');
  assert.match(hits[0].message, /Asia\/Shanghai/);
  assert.deepEqual(hits[0].fix.edits, [{ file: 'Dockerfile', line: 7, insert: true, newText: 'RUN apk add --no-cache tzdata\n' }]);
  assert.match(hits[0].fix.text, /time\/tzdata/);
});

test('ENV_MISSING: DATABASE_URL read in code, missing from the Deployment; the edit wires a Secret reference', () => {
  const { hits } = fires('env-missing', 'ENV_MISSING');
  assert.deepEqual(hits.map((h) => h.title), ['DATABASE_URL is read by the code but not set in Deployment env-missing']);
  assert.deepEqual(hits[0].fix.edits, [{
    file: 'k8s/deployment.yaml', line: 18, insert: true,
    newText: '            - name: DATABASE_URL\n              valueFrom:\n                secretKeyRef:\n                  name: env-missing-secrets\n                  key: DATABASE_URL\n',
  }]);
});

test('PORT_MISMATCH: code listens on 3000; EXPOSE, containerPort, probe and Service say 8080', () => {
  const { hits } = fires('port-mismatch', 'PORT_MISMATCH');
  const files = hits.map((h) => `${(h.evidence[1] as { file: string; line?: number }).file}:${(h.evidence[1] as { line?: number }).line}`).sort();
  assert.deepEqual(files, ['Dockerfile:4', 'k8s/app.yaml:18', 'k8s/app.yaml:22', 'k8s/app.yaml:33']);
  const svc = hits.find((h) => /Service/.test(h.title))!;
  assert.deepEqual(svc.fix.edits, [{ file: 'k8s/app.yaml', line: 33, newText: '      targetPort: 3000' }]);
});

test('ROOT_USER: a root image with runAsNonRoot; the edit adds a numeric USER before CMD', () => {
  const { hits } = fires('root-user-nonroot', 'ROOT_USER');
  assert.equal(hits[0].severity, 'error');
  assert.deepEqual(hits[0].fix.edits, [{ file: 'Dockerfile', line: 5, insert: true, newText: 'USER 1000\n' }]);
});

test('findings are sorted by severity, id, file, line and identical across runs', () => {
  const dir = SCENARIOS['port-mismatch']();
  const a = runDrift(dir).findings;
  const b = runDrift(dir).findings;
  assert.deepEqual(a, b);
  const rank = { error: 0, warning: 1, info: 2 };
  for (let i = 1; i < a.length; i++) assert.ok(rank[a[i - 1].severity] <= rank[a[i].severity]);
});

test('drift on a scenario never writes into the project', () => {
  const dir = SCENARIOS['host-artifact-copied']();
  const before = fs.readdirSync(dir).sort();
  runDrift(dir);
  assert.deepEqual(fs.readdirSync(dir).sort(), before);
  assert.equal(fs.existsSync(path.join(dir, '.dockerignore')), false);
});
