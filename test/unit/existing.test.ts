// Existing Dockerfiles, compose files and Kubernetes manifests are found and read, never trusted blindly.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryRepo } from '../../src/core/repo';
import { AppContext } from '../../src/core/detect/context';
import { findExisting, pickDockerfile } from '../../src/core/detect/existing';
import { parseDockerfile, substitute } from '../../src/core/parse/dockerfile';
import type { Warning } from '../../src/core/model';

function existing(tree: Record<string, string>) {
  const repo = new MemoryRepo(tree);
  const warnings: Warning[] = [];
  return { found: findExisting(new AppContext(repo, '', repo.files(), warnings)), warnings };
}

test('multi-stage Dockerfile: FROM with resolved ARGs and stage names, final stage USER/ENV/CMD, EXPOSE', () => {
  const { dockerfile, problems } = parseDockerfile([
    '# syntax=docker/dockerfile:1',
    'ARG NODE_VERSION=20',
    'FROM node:${NODE_VERSION}-bookworm-slim AS build',
    'ENV BUILD_ONLY=1',
    'USER builder',
    'RUN npm ci && \\',
    '    npm run build',
    'FROM --platform=linux/amd64 node:$NODE_VERSION-slim',
    'ARG NODE_VERSION',
    'ENV NODE_ENV=production PORT=8080',
    'ENV LEGACY form',
    'EXPOSE ${PORT}/tcp 9229',
    'USER node',
    'CMD ["node", "dist/server.js"]',
  ].join('\n'));
  assert.deepEqual(problems, []);
  assert.deepEqual(dockerfile, {
    from: [{ image: 'node:20-bookworm-slim', line: 3, stage: 'build' }, { image: 'node:20-slim', line: 8 }],
    expose: [{ port: 8080, line: 12 }, { port: 9229, line: 12 }],
    env: [{ name: 'NODE_ENV', line: 10 }, { name: 'PORT', line: 10 }, { name: 'LEGACY', line: 11 }],
    user: { value: 'node', line: 13 },
    cmd: { value: 'node dist/server.js', line: 14 },
  });
});

test('shell-form CMD keeps its text; an unresolvable ARG stays as written', () => {
  const { dockerfile } = parseDockerfile('FROM python:${PY}-slim\nCMD gunicorn app:app --bind 0.0.0.0:8000\n');
  assert.deepEqual(dockerfile.from, [{ image: 'python:${PY}-slim', line: 1 }]);
  assert.deepEqual(dockerfile.cmd, { value: 'gunicorn app:app --bind 0.0.0.0:8000', line: 2 });
});

test('bad Dockerfiles give problems, not exceptions', () => {
  assert.deepEqual(parseDockerfile('').problems, ['no FROM instruction']);
  const bad = parseDockerfile('RUN echo hi\nFROM alpine\nFROBNICATE now\nEXPOSE http\n');
  assert.deepEqual(bad.problems, ['RUN at line 1 comes before the first FROM', 'unknown instruction "FROBNICATE" at line 3', 'EXPOSE at line 4: "http" is not a port']);
  assert.deepEqual(bad.dockerfile.from, [{ image: 'alpine', line: 2 }]);
});

test('substitute: $X, ${X}, ${X:-default}', () => {
  const vars = new Map([['A', '1'], ['EMPTY', '']]);
  assert.equal(substitute('$A-${A}-${B:-2}-${EMPTY:-3}-$C', vars), '1-1-2-3-$C');
});

test('Dockerfile choice: shallowest first, Dockerfile before Containerfile before variants', () => {
  assert.equal(pickDockerfile(['docker/Dockerfile', 'Dockerfile.prod', 'Containerfile', 'src/a.ts']), 'Containerfile');
  assert.equal(pickDockerfile(['Containerfile', 'Dockerfile']), 'Dockerfile');
  assert.equal(pickDockerfile(['deploy/api.Dockerfile', 'README.md']), 'deploy/api.Dockerfile');
  assert.equal(pickDockerfile(['.dockerignore', 'dockerfile.md.txt/x']), undefined);
});

test('compose files and Kubernetes manifests are listed; plain YAML and Helm templates are not', () => {
  const { found, warnings } = existing({
    'Dockerfile': 'FROM nginx:1.27\nEXPOSE 80\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n',
    'compose.prod.yaml': 'services: {}\n',
    'k8s/app.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'k8s/kustomization.yml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n',
    'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
    'config.yaml': 'kind: of\nlike: yaml\n',
  });
  assert.deepEqual(found.compose, ['compose.prod.yaml', 'docker-compose.yml']);
  assert.deepEqual(found.kubernetes, ['k8s/app.yaml', 'k8s/kustomization.yml']);
  assert.equal(found.dockerfile?.path, 'Dockerfile');
  assert.deepEqual(found.dockerfile?.expose, [{ port: 80, line: 2 }]);
  assert.deepEqual(warnings, []);
});

test('malformed compose and manifests are still listed (so nothing clobbers them) and warned about', () => {
  const { found, warnings } = existing({
    'docker-compose.yaml': 'services:\n  web: [\n',
    'deploy.yaml': 'apiVersion: v1\nkind: Pod\nspec: {\n',
    'Dockerfile': 'FRM node\n',
  });
  assert.deepEqual(found.compose, ['docker-compose.yaml']);
  assert.deepEqual(found.kubernetes, ['deploy.yaml']);
  assert.deepEqual(warnings.map((w) => w.file).sort(), ['Dockerfile', 'Dockerfile', 'deploy.yaml', 'docker-compose.yaml']);
  assert.ok(warnings.some((w) => w.file === 'Dockerfile' && w.message.includes('no FROM')));
  assert.ok(warnings.some((w) => w.file === 'deploy.yaml' && w.message.startsWith('invalid YAML')));
});

test('an app without any of these files has no existing artifacts', () => {
  assert.deepEqual(existing({ 'package.json': '{}', 'index.js': '' }).found, {});
});
