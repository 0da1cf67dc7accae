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
  // Stages are separated by a blank line, their comments just above FROM.
  dockerfile.split('\n\n').forEach((body, i) => out.set(/^FROM \S+ AS (\S+)/m.exec(body)?.[1] ?? String(i), body + '\n'));
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

const dockerfileOf = (d: DetectResult, readText?: (p: string) => string | undefined) =>
  generate(d, { ...DEFAULT_OPTIONS, ...(readText ? { repo: { readText } } : {}) }).files.find((f) => f.path === 'Dockerfile')!.content;

test('a build with a known output folder: a source edit reruns only COPY and the build; the runtime takes the output, the sources and prod node_modules', () => {
  for (const [start, outputDir, folder] of [['node dist/index.js', null, 'dist'], ['node ./build/server.js', null, 'build'], ['npm run serve', 'out', 'out']] as const) {
    const d = detectOf('node-ts');
    d.apps[0].start = { value: start, source: 'package.json > scripts.start' };
    d.apps[0].outputDir = outputDir ? { value: outputDir, source: 'test' } : null;
    const stages = stagesOf(dockerfileOf(d));
    const build = stages.get('build')!.trimEnd().split('\n');
    assert.deepEqual(build.slice(-2), ['COPY . .', 'RUN npm run build'], `${start}: nothing after the build command`);
    const runtime = [...stages.values()].at(-1)!;
    assert.doesNotMatch(runtime, /rm -rf node_modules|COPY --from=build \/app \.\//, start);
    assert.deepEqual(runtime.split('\n').filter((l) => l.startsWith('COPY')),
      ['COPY --from=deps /app/node_modules ./node_modules', 'COPY . .', `COPY --from=build /app/${folder} ./${folder}`], start);
  }
});

test('a build whose output cannot be known keeps the safe layout: the whole /app without dev dependencies', () => {
  for (const start of ['node server.js', 'node src/main.js', 'npm run serve']) {
    const d = detectOf('node-ts');
    d.apps[0].start = { value: start, source: 'package.json > scripts.start' };
    const stages = stagesOf(dockerfileOf(d));
    assert.match(stages.get('build')!, /RUN npm run build \\\n {4}&& rm -rf node_modules\n/, start);
    assert.match([...stages.values()].at(-1)!, /^COPY --from=build \/app \.\/$/m, start);
  }
});

test('Next.js copies .next from the build; with output: standalone only the traced server, static files and public/', () => {
  const d = detectOf('node-next');
  const plain = stagesOf(dockerfileOf(d));
  const runtime = [...plain.values()].at(-1)!;
  assert.deepEqual(runtime.split('\n').filter((l) => l.startsWith('COPY')), ['COPY --from=deps /app/node_modules ./node_modules', 'COPY . .', 'COPY --from=build /app/.next ./.next']);
  assert.doesNotMatch(plain.get('build')!, /rm -rf/);

  const config: Record<string, string> = { 'next.config.mjs': "export default { output: 'standalone', reactStrictMode: true };\n" };
  const df = dockerfileOf(d, (p) => config[p]);
  const stages = stagesOf(df);
  assert.equal(stages.has('deps'), false, 'no production install: standalone traces its own node_modules');
  assert.match(stages.get('build')!, /^# Node\.js 22/m);
  assert.match(stages.get('build')!, /RUN yarn build \\\n {4}&& mkdir -p public\n/);
  const last = [...stages.values()].at(-1)!;
  assert.deepEqual(last.split('\n').filter((l) => l.startsWith('COPY')),
    ['COPY --from=build /app/.next/standalone ./', 'COPY --from=build /app/.next/static ./.next/static', 'COPY --from=build /app/public ./public']);
  assert.match(last, /^CMD \["node", "server\.js"\]$/m);
  assert.match(last, /mkdir -p \/app\/\.next\/cache/);
});
