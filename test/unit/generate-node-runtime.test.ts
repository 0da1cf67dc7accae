// Node Dockerfiles as a real `docker build` runs them: every path a runtime stage copies from another
// stage must exist there, whatever the package manager and whatever the app depends on.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, generate } from '../../src/core/generate';
import type { DetectResult } from '../../src/core/model';
import { GOLDEN } from '../helpers/paths';

const detectOf = (name: string) => JSON.parse(fs.readFileSync(path.join(GOLDEN, name, 'detect.json'), 'utf8')) as DetectResult;

/** Stage name (or index) → its body, for a generated Dockerfile. */
function stagesOf(dockerfile: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = dockerfile.split(/^(?=FROM )/m).slice(1);
  parts.forEach((body, i) => out.set(/^FROM \S+ AS (\S+)/.exec(body)?.[1] ?? String(i), body));
  return out;
}

const LOCKS = { npm: 'package-lock.json', yarn: 'yarn.lock', pnpm: 'pnpm-lock.yaml', bun: 'bun.lockb' } as const;

test('the deps stage leaves a node_modules folder even when nothing is installed, for every package manager', () => {
  for (const base of ['node-express', 'node-ts']) {
    for (const [pm, lock] of Object.entries(LOCKS)) {
      for (const locked of [true, false]) {
        const d = detectOf(base);
        const app = d.apps[0];
        app.packageManager = { value: pm as keyof typeof LOCKS, source: lock };
        app.lockfile = locked ? { value: lock, source: lock } : null;
        const df = generate(d, DEFAULT_OPTIONS).files.find((f) => f.path === 'Dockerfile')!.content;
        const stages = stagesOf(df);
        const label = `${base} ${pm}${locked ? '' : ' (no lockfile)'}`;
        assert.match(df, /^COPY --from=deps \/app\/node_modules \.\/node_modules$/m, label);
        // `npm ci --omit=dev`, `pnpm install --prod`… create no node_modules with no production deps.
        assert.match(stages.get('deps')!, /mkdir -p node_modules\s*$/, `${label}: deps stage creates node_modules`);
      }
    }
  }
});
