// Rule behaviour beyond the headline scenarios, on in-memory projects: the quick-fix edits each rule
// offers, and the cases that must stay silent (fallbacks, excluded folders, numeric users, pinned tags).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryRepo } from '../../../src/core/repo';
import { evaluate, targetFromSpec, type NativeArtifact } from '../../../src/core/drift';
import { readElf } from '../../../src/core/elf';
import { handmadeElf64, EM_X86_64 } from './native-build';

const target = (os: string, runtime: 'kubernetes' | 'vm' = 'kubernetes', arch = 'amd64') => targetFromSpec({ name: 'prod', os, arch, runtime, source: 'parity.yaml > targets.prod' });
const glibcElf = () => readElf(handmadeElf64(EM_X86_64, '/lib64/ld-linux-x86-64.so.2'));
const ids = (fs: { id: string }[]) => fs.map((f) => f.id);

const DEPLOY = (env = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.2.3
${env}`;

test('ENV_MISSING: several missing vars → one finding per workload, one edit opening an env block', () => {
  const repo = new MemoryRepo({
    'server.js': "const a = process.env.API_KEY;\nconst b = process.env.QUEUE_URL;\nconst c = process.env.OPTIONAL || 'x';\n",
    'k8s/deploy.yaml': DEPLOY(),
  });
  const f = evaluate({ repo, target: target('debian12') }).filter((x) => x.id === 'ENV_MISSING');
  assert.equal(f.length, 1);
  assert.equal(f[0].title, '2 env vars read by the code are not set in Deployment api: API_KEY, QUEUE_URL');
  assert.deepEqual(f[0].fix.edits, [{
    file: 'k8s/deploy.yaml', line: 11, insert: true,
    newText: '          env:\n            - name: API_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: app-secrets\n                  key: API_KEY\n            - name: QUEUE_URL\n              value: "" # TODO: set QUEUE_URL\n',
  }]);
});

test('ENV_MISSING: silent when the var has a fallback, comes from a resolved ConfigMap, or envFrom names an unknown source', () => {
  const code = { 'server.js': "const a = process.env.A;\nconst b = process.env.B ?? 'b';\n" };
  const withCm = new MemoryRepo({ ...code, 'k8s/deploy.yaml': DEPLOY('          envFrom:\n            - configMapRef:\n                name: cfg\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  A: "1"\n') });
  assert.deepEqual(ids(evaluate({ repo: withCm, target: target('debian12') })).filter((i) => i === 'ENV_MISSING'), []);
  const unknown = new MemoryRepo({ ...code, 'k8s/deploy.yaml': DEPLOY('          envFrom:\n            - secretRef:\n                name: made-elsewhere\n') });
  assert.deepEqual(ids(evaluate({ repo: unknown, target: target('debian12') })).filter((i) => i === 'ENV_MISSING'), []);
});

test('LIBC_FAMILY in an Alpine image: the edit moves FROM to the Debian variant of the same tag', () => {
  const repo = new MemoryRepo({ 'Dockerfile': 'FROM node:20-alpine AS run\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["node", "index.js"]\n', 'index.js': '' });
  const artifacts: NativeArtifact[] = [{ location: { file: 'native/addon.node' }, format: 'elf', elf: glibcElf() }];
  const f = evaluate({ repo, target: target('debian12'), artifacts }).filter((x) => x.id === 'LIBC_FAMILY');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].fix.edits, [{ file: 'Dockerfile', line: 1, newText: 'FROM node:20-bookworm-slim AS run' }]);
});

test('artifacts excluded by .dockerignore or not copied never reach the image: no LIBC_FAMILY', () => {
  const artifacts: NativeArtifact[] = [{ location: { file: 'node_modules/x/x.node' }, format: 'elf', elf: glibcElf() }];
  const ignored = new MemoryRepo({ 'Dockerfile': 'FROM node:20-alpine\nCOPY . .\nUSER 1000\n', '.dockerignore': 'node_modules\n' });
  assert.deepEqual(ids(evaluate({ repo: ignored, target: target('debian12'), artifacts })).filter((i) => i === 'LIBC_FAMILY'), []);
  const notCopied = new MemoryRepo({ 'Dockerfile': 'FROM node:20-alpine\nCOPY package.json index.js ./\nUSER 1000\n' });
  assert.deepEqual(ids(evaluate({ repo: notCopied, target: target('debian12'), artifacts })).filter((i) => i === 'LIBC_FAMILY'), []);
});

test('HOST_ARTIFACT_COPIED: a macOS binary in the build context is an error with a .dockerignore edit', () => {
  const repo = new MemoryRepo({ 'Dockerfile': 'FROM node:20-bookworm-slim\nCOPY . .\nUSER 1000\n', '.dockerignore': '.git\n' });
  const f = evaluate({ repo, target: target('debian12'), artifacts: [{ location: { file: 'tools/fsevents.node' }, format: 'macho' }] }).filter((x) => x.id === 'HOST_ARTIFACT_COPIED');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.deepEqual(f[0].fix.edits, [{ file: '.dockerignore', line: 2, insert: true, newText: 'tools/fsevents.node\n' }]);
});

test('OPENSSL_ABI: a Prisma engine for OpenSSL 1.1 on a Debian 12 target names the binaryTargets fix', () => {
  const repo = new MemoryRepo({ 'package.json': '{}' });
  const f = evaluate({ repo, target: target('debian12', 'vm'), artifacts: [{ location: { file: 'node_modules/.prisma/client/libquery_engine-debian-openssl-1.1.x.so.node' }, format: 'elf', elf: glibcElf() }] }).filter((x) => x.id === 'OPENSSL_ABI');
  assert.equal(f.length, 1);
  assert.match(f[0].fix.text, /"debian-openssl-3\.0\.x" to binaryTargets/);
});

test('ROOT_USER: a non-numeric USER with runAsNonRoot → replace with the numeric uid; restricted namespaces count too', () => {
  const repo = new MemoryRepo({
    'Dockerfile': 'FROM node:20-bookworm-slim\nUSER node\nCMD ["node", "i.js"]\n',
    'k8s/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
    'k8s/deploy.yaml': DEPLOY().replace('  name: api\n', '  name: api\n  namespace: shop\n'),
  });
  const f = evaluate({ repo, target: target('debian12') }).filter((x) => x.id === 'ROOT_USER');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /non-numeric user \(node\)/);
  assert.match(f[0].message, /namespace shop enforces the restricted Pod Security level/);
  assert.deepEqual(f[0].fix.edits, [{ file: 'Dockerfile', line: 2, newText: 'USER 1000' }]);
  const numeric = new MemoryRepo({ 'Dockerfile': 'FROM node:20-bookworm-slim\nUSER 1000\n', 'k8s/deploy.yaml': DEPLOY().replace('    spec:\n      containers', '    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers') });
  assert.deepEqual(ids(evaluate({ repo: numeric, target: target('debian12') })).filter((i) => i === 'ROOT_USER'), []);
});

test('PORT_MISMATCH follows PORT from the Deployment when the code reads it', () => {
  const repo = new MemoryRepo({
    'server.js': 'app.listen(process.env.PORT || 3000);\n',
    'k8s/deploy.yaml': DEPLOY('          env:\n            - name: PORT\n              value: "8080"\n          ports:\n            - containerPort: 8080\n'),
  });
  assert.deepEqual(ids(evaluate({ repo, target: target('debian12') })).filter((i) => i === 'PORT_MISMATCH'), []);
});

test('GLIBC_FLOOR uses the libstdc++ floor too: GLIBCXX_3.4.30 on RHEL 8', () => {
  const elf = { ...glibcElf(), needed: ['libstdc++.so.6', 'libc.so.6'], versionNeeds: { 'libstdc++.so.6': ['GLIBCXX_3.4.30', 'CXXABI_1.3.13'], 'libc.so.6': ['GLIBC_2.17'] } };
  const f = evaluate({ repo: new MemoryRepo({ 'a.txt': '' }), target: target('rhel8', 'vm'), artifacts: [{ location: { file: 'bin/srv' }, format: 'elf', elf }] }).filter((x) => x.id === 'GLIBC_FLOOR');
  assert.equal(f.length, 1);
  assert.match(f[0].title, /needs GLIBCXX_3\.4\.30/);
  assert.match(f[0].message, /CXXABI_1\.3\.13/);
});

test('FLOATING_TAG: pinned tags, digests, stage references and ARG-built names stay silent', () => {
  const repo = new MemoryRepo({ 'Dockerfile': 'ARG BASE\nFROM node:20.11-bookworm-slim AS build\nFROM build\nFROM ${BASE}\nFROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nUSER 1000\n' });
  assert.deepEqual(ids(evaluate({ repo, target: target('debian12') })).filter((i) => i === 'FLOATING_TAG'), []);
});

test('PKG_MANAGER: dnf in a UBI minimal stage (microdnf only) is an error with a microdnf edit; microdnf there is fine', () => {
  const repo = new MemoryRepo({ 'Dockerfile': 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN dnf install -y tzdata && dnf clean all\nRUN microdnf install -y shadow-utils\nUSER 1001\n' });
  const f = evaluate({ repo, target: target('rhel9') }).filter((x) => x.id === 'PKG_MANAGER');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].fix.edits, [{ file: 'Dockerfile', line: 2, newText: 'RUN microdnf install -y tzdata && microdnf clean all' }]);
});
