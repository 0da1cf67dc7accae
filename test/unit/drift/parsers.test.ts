// The readers drift rules stand on: Dockerfile stages and lines, Kubernetes objects with lines and
// columns, compose services, wheel and prebuild tags, distro recognition, runtime pins.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseDockerfile, finalStage, effectiveUser, envNames, copyParts, commandWords, stageChain } from '../../../src/core/manifests/dockerfile';
import { addKubeFile, emptyKube } from '../../../src/core/manifests/kube';
import { parseCompose } from '../../../src/core/manifests/compose';
import { parseWheelFile, parseWheelPlatform, parsePrebuildPath, wheelFits } from '../../../src/core/wheel';
import { compareVersions } from '../../../src/core/elf';
import { distroFromImage, distroFromOsImage, distroFromOsRelease, parseOsRelease, findDistro, familyForOs } from '../../../src/core/platform/distros';
import { readPins, runtimeOfImage } from '../../../src/core/drift/pins';
import { scanEnvReads, scanListenPort, scanZoneUses, scanRelativeImports } from '../../../src/core/drift/scan';
import { managersIn } from '../../../src/core/drift/rules/PKG_MANAGER';
import { glibcVariant } from '../../../src/core/drift/rules/LIBC_FAMILY';

test('Dockerfile: stages, ARG substitution in FROM, continuations, heredocs, the user of the final stage chain', () => {
  const df = parseDockerfile('Dockerfile', [
    '# syntax=docker/dockerfile:1',
    'ARG NODE=20',
    'FROM --platform=$BUILDPLATFORM node:${NODE}-alpine AS build',
    'USER node',
    'RUN apk add --no-cache \\',
    '    # a comment inside the continuation',
    '    python3 make',
    'RUN <<EOF',
    'FROM not-a-stage',
    'EOF',
    'FROM build AS runtime',
    'ENV A=1 B="two words" \\',
    '    C=3',
    'COPY --from=build --chown=1000 /app/dist ./dist',
    'CMD ["node", "dist/server.js"]',
  ].join('\n'));
  assert.deepEqual(df.stages.map((s) => [s.image, s.alias, s.fromLine, s.baseImage]), [['node:20-alpine', 'build', 3, 'node:20-alpine'], ['build', 'runtime', 11, 'node:20-alpine']]);
  assert.equal(df.stages[0].platform, '$BUILDPLATFORM');
  const run = df.stages[0].instructions.find((i) => i.keyword === 'RUN')!;
  assert.deepEqual([run.args, run.line, run.endLine], ['apk add --no-cache python3 make', 5, 7]);
  const final = finalStage(df)!;
  assert.deepEqual(stageChain(df, final).map((s) => s.alias), ['runtime', 'build']);
  assert.equal(effectiveUser(df, final)?.args, 'node');
  assert.deepEqual(envNames(final.instructions.find((i) => i.keyword === 'ENV')!), ['A', 'B', 'C']);
  assert.deepEqual(copyParts(final.instructions.find((i) => i.keyword === 'COPY')!), { from: 'build', sources: ['/app/dist'], dest: './dist' });
  assert.deepEqual(commandWords(final.instructions.find((i) => i.keyword === 'CMD')!), ['node', 'dist/server.js']);
});

test('Kubernetes: workloads, containers with lines and key columns, Services, ConfigMap keys, restricted namespaces, bad YAML', () => {
  const k = emptyKube();
  addKubeFile(k, 'k8s/app.yaml', [
    'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '  labels:', '    pod-security.kubernetes.io/enforce: restricted', '---',
    'apiVersion: batch/v1', 'kind: CronJob', 'metadata: { name: nightly, namespace: shop }', 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:',
    '          containers:', '          - name: job', '            image: job:1', '            envFrom:', '            - configMapRef: { name: cfg }', '              prefix: APP_',
    '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: cfg }', 'data: { A: "1", B: "2" }',
  ].join('\n'));
  assert.deepEqual(k.restrictedNamespaces, [{ file: 'k8s/app.yaml', line: 2, name: 'shop' }]);
  const job = k.workloads[0];
  assert.equal(job.kind, 'CronJob');
  assert.equal(job.namespace, 'shop');
  assert.deepEqual([job.containers[0].name, job.containers[0].line, job.containers[0].keyColumn, job.containers[0].imageLine], ['job', 17, 13, 18]);
  assert.deepEqual(job.containers[0].envFrom, [{ configMap: 'cfg', secret: undefined, prefix: 'APP_' }]);
  assert.deepEqual(k.data['ConfigMap/cfg'], ['A', 'B']);
  addKubeFile(k, 'k8s/bad.yaml', 'apiVersion: v1\nkind: Service\nmetadata: [unclosed\n');
  assert.match(k.errors[0].message, /invalid YAML/);
  assert.deepEqual(k.files, ['k8s/app.yaml']);
});

test('compose: environment as list or map, env_file, container ports', () => {
  const s = parseCompose('compose.yaml', 'services:\n  web:\n    environment: [A=1, B]\n    ports: ["8080:3000", "9000"]\n  worker:\n    environment: { C: x }\n    env_file: .env\n');
  assert.deepEqual(s.map((x) => [x.name, x.env, x.envFiles, x.containerPorts]), [['web', ['A', 'B'], [], [3000, 9000]], ['worker', ['C'], ['.env'], []]]);
});

test('wheel tags: manylinux (new and legacy), musllinux, macOS, Windows, pure; fitting a target', () => {
  assert.deepEqual(parseWheelPlatform('manylinux_2_28_aarch64'), { os: 'linux', libc: 'glibc', libcVersion: '2.28', arch: 'arm64', tag: 'manylinux_2_28_aarch64' });
  assert.equal(parseWheelPlatform('manylinux2014_x86_64').libcVersion, '2.17');
  assert.equal(parseWheelPlatform('musllinux_1_2_x86_64').libc, 'musl');
  assert.equal(parseWheelPlatform('macosx_11_0_arm64').os, 'darwin');
  assert.equal(parseWheelPlatform('win_amd64').os, 'win32');
  const needs = parseWheelFile('Wheel-Version: 1.0\nTag: cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64\n');
  assert.equal(needs.length, 2);
  assert.equal(wheelFits(needs, { libc: 'glibc', libcVersion: '2.17', arch: 'amd64' }, compareVersions), true);
  assert.equal(wheelFits(needs, { libc: 'glibc', libcVersion: '2.12', arch: 'amd64' }, compareVersions), false);
  assert.equal(wheelFits(needs, { libc: 'musl', libcVersion: '1.2.5', arch: 'amd64' }, compareVersions), false);
  assert.equal(wheelFits(needs, { libc: 'glibc', libcVersion: '2.36', arch: 'arm64' }, compareVersions), false);
  assert.equal(wheelFits(parseWheelFile('Tag: py3-none-any\n'), { libc: 'musl', libcVersion: '1.2', arch: 'arm64' }, compareVersions), true);
});

test('prebuild names: linuxmusl, -musl/-gnu suffixes, darwin, plain paths', () => {
  assert.deepEqual(parsePrebuildPath('node_modules/@img/sharp-linuxmusl-x64/lib/sharp.node'), { os: 'linux', libc: 'musl', arch: 'amd64', tag: 'sharp-linuxmusl-x64/lib/sharp.node' });
  assert.equal(parsePrebuildPath('node_modules/@swc/core-linux-arm64-gnu/swc.node')?.libc, 'glibc');
  assert.equal(parsePrebuildPath('node_modules/x/prebuilds/darwin-arm64/x.node')?.os, 'darwin');
  assert.equal(parsePrebuildPath('node_modules/x/prebuilds/linux-x64/node.napi.musl.node')?.libc, 'musl');
  assert.equal(parsePrebuildPath('node_modules/bcrypt/build/Release/bcrypt_lib.node'), undefined);
});

test('distros: os-release, Kubernetes osImage and base image names map to the table', () => {
  assert.equal(distroFromOsRelease('rocky', '9.3')?.id, 'rhel9');
  assert.equal(distroFromOsRelease('alpine', '3.19.1')?.id, 'alpine3.19');
  assert.equal(distroFromOsRelease('alpine', '3.99.0')?.libc, 'musl');
  assert.equal(distroFromOsRelease('debian', '12')?.libcVersion, '2.36');
  assert.deepEqual(parseOsRelease('ID="centos"\nVERSION_ID="7"\n# comment\n'), { ID: 'centos', VERSION_ID: '7' });
  assert.equal(distroFromOsImage('CentOS Linux 7 (Core)')?.id, 'centos7');
  assert.equal(distroFromOsImage('Amazon Linux 2023.4.20240416')?.id, 'amzn2023');
  assert.equal(distroFromOsImage('Red Hat Enterprise Linux 8.9 (Ootpa)')?.id, 'rhel8');
  assert.equal(distroFromOsImage('Container-Optimized OS from Google'), undefined);
  const img = (r: string) => distroFromImage(r)?.distro.id;
  assert.equal(distroFromImage('node:20-alpine')?.distro.libc, 'musl');
  assert.equal(img('python:3.12-alpine3.19'), 'alpine3.19');
  assert.equal(img('python:3.12-slim-bookworm'), 'debian12');
  assert.equal(img('node:20-bullseye-slim'), 'debian11');
  assert.equal(img('registry.access.redhat.com/ubi9/ubi-minimal:9.4'), 'rhel9');
  assert.equal(img('centos:7'), 'centos7');
  assert.equal(img('gcr.io/distroless/nodejs20-debian12'), 'distroless12');
  assert.equal(img('ubuntu:22.04'), 'ubuntu22.04');
  assert.equal(img('scratch'), undefined);
  assert.equal(img('mycorp/base:1'), undefined);
  assert.equal(findDistro('UBI9')?.id, 'rhel9');
  assert.equal(familyForOs('alpine3.21'), 'alpine');
  assert.equal(glibcVariant('node:20-alpine'), 'node:20-bookworm-slim');
  assert.equal(glibcVariant('python:3.12-alpine3.19'), 'python:3.12-slim-bookworm');
  assert.equal(glibcVariant('alpine:3.20'), 'debian:bookworm-slim');
});

test('runtime pins and image runtimes', () => {
  const files: Record<string, string> = { 'api/package.json': '{\n  "engines": {\n    "node": ">=18.17"\n  }\n}\n', 'api/go.mod': 'module x\n\ngo 1.22.1\n', 'svc/pom.xml': '<project><properties><maven.compiler.release>21</maven.compiler.release></properties></project>' };
  assert.deepEqual(readPins((f) => files[f], 'api').map((p) => [p.runtime, p.spec, p.file, p.line, p.kind]), [['node', '>=18.17', 'api/package.json', 3, 'min'], ['go', '1.22.1', 'api/go.mod', 3, 'min']]);
  assert.deepEqual(readPins((f) => files[f], 'svc').map((p) => [p.runtime, p.spec]), [['java', '21']]);
  assert.deepEqual(runtimeOfImage('node:20.11-alpine'), { runtime: 'node', version: '20.11' });
  assert.deepEqual(runtimeOfImage('eclipse-temurin:17-jre'), { runtime: 'java', version: '17' });
  assert.equal(runtimeOfImage('node'), undefined);
});

test('code scans: env reads with and without fallbacks, listen ports, zone uses, relative imports, package managers', () => {
  const reads = scanEnvReads("const a = process.env.A;\nconst b = process.env.B || 'x';\nconst c = process.env['C'] ?? 1;\nx = os.environ['D']\ny = os.getenv('E', 'z')\n");
  assert.deepEqual(reads.map((r) => [r.name, r.line, r.hasDefault]), [['A', 1, false], ['B', 2, true], ['C', 3, true], ['D', 4, false], ['E', 5, true]]);
  assert.deepEqual(scanListenPort('const port = process.env.PORT || 3000;\napp.listen(port);\n'), { port: 3000, line: 1 });
  assert.deepEqual(scanListenPort('http.ListenAndServe(":9090", nil)'), { port: 9090, line: 1 });
  assert.deepEqual(scanZoneUses('a.py', 'from zoneinfo import ZoneInfo\nZoneInfo("Europe/Paris")\n').map((z) => [z.zone, z.line]), [['Europe/Paris', 2]]);
  assert.deepEqual(scanZoneUses('a.go', 'import _ "time/tzdata"\ntime.LoadLocation("Asia/Tokyo")\n'), []);
  assert.deepEqual(scanRelativeImports("import x from './A';\nconst y = require('../b/C.js');\nimport('lodash');\n").map((i) => i.spec), ['./A', '../b/C.js']);
  assert.deepEqual(managersIn('apt-get update && apt-get install -y curl; apk add x'), ['apt-get', 'apk']);
  assert.deepEqual(managersIn('echo "use apt-get" > /dev/null'), []);
});
