// Kubernetes runs the generated images with a read-only root filesystem as a non-root user: every folder
// the app or its server writes to needs an emptyDir, and the start command must not need a download.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, generate } from '../../src/core/generate';
import { parseYamlDocs } from '../../src/core/parse/structured';
import type { DetectResult } from '../../src/core/model';
import { GOLDEN } from '../helpers/paths';

const detectOf = (name: string) => JSON.parse(fs.readFileSync(path.join(GOLDEN, name, 'detect.json'), 'utf8')) as DetectResult;

function mountsOf(d: DetectResult): string[] {
  const dep = generate(d, DEFAULT_OPTIONS).files.find((f) => f.path.endsWith('deployment.yaml'))!;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const obj = (parseYamlDocs(dep.content) as { ok: true; value: any[] }).value[0];
  const c = obj.spec.template.spec.containers[0];
  assert.equal(c.securityContext.readOnlyRootFilesystem, true);
  const volumes = new Set(obj.spec.template.spec.volumes.filter((v: { emptyDir?: object }) => v.emptyDir).map((v: { name: string }) => v.name));
  return c.volumeMounts.filter((m: { name: string }) => volumes.has(m.name)).map((m: { mountPath: string }) => m.mountPath);
}

test('writable folders get an emptyDir: Rails (log, storage, tmp), Next.js (.next/cache), Apache (lock, run)', () => {
  const expect: Record<string, string[]> = {
    'ruby-rails': ['/tmp', '/app/log', '/app/storage', '/app/tmp/cache', '/app/tmp/pids', '/app/tmp/sockets'],
    'node-next': ['/tmp', '/app/.next/cache'],
    'php-laravel': ['/tmp', '/var/lock/apache2', '/var/run/apache2', '/var/www/html/storage/logs'],
    'static': ['/tmp'],
    'python-django': ['/tmp'],
  };
  for (const [name, paths] of Object.entries(expect)) {
    const mounts = mountsOf(detectOf(name));
    for (const p of paths) assert.ok(mounts.includes(p), `${name}: ${p} mounted (have ${mounts.join(', ')})`);
  }
});

test('a pnpm or Yarn app started through its package script runs npm in the image, with npm\'s cache in /tmp', () => {
  for (const [pm, lock] of [['pnpm', 'pnpm-lock.yaml'], ['yarn', 'yarn.lock'], ['npm', 'package-lock.json']] as const) {
    const d = detectOf('node-express');
    d.apps[0].packageManager = { value: pm, source: lock };
    d.apps[0].lockfile = { value: lock, source: lock };
    d.apps[0].start = { value: 'node server.js && echo done', source: 'package.json > scripts.start' };
    const df = generate(d, DEFAULT_OPTIONS).files.find((f) => f.path === 'Dockerfile')!.content;
    assert.match(df, /^CMD \["npm", "start"\]$/m, pm);
    assert.match(df, /^ENV .*NPM_CONFIG_CACHE=\/tmp\/\.npm/m, pm);
  }
});
