// Node.js: npm / yarn / pnpm / bun, with an optional build stage (TypeScript, Next.js…); a Vite/CRA SPA
// is built with Node and served by nginx (see static.ts).
import { imagesFor } from '../../platform/base-images';
import type { PackageManager } from '../../model';
import { reads } from '../plan';
import { cache, copyManifests, lockfileOf, runtimeSetup, runtimeTail, buildPackages, type DockerfileInput } from './context';
import { rootFirst, run, splitCommand, type Stage } from './render';
import { nginxRuntime } from './static';

interface PmCommands {
  setup: string[];
  full: string;
  prod: string;
  run: (script: string) => string;
  start: string[];
  cacheDir: string;
}

function pmCommands(pm: PackageManager, locked: boolean): PmCommands {
  switch (pm) {
    case 'yarn':
      return {
        setup: ['corepack enable'], full: `yarn install${locked ? ' --frozen-lockfile' : ''}`,
        prod: `yarn install${locked ? ' --frozen-lockfile' : ''} --production`, run: (s) => `yarn run ${s}`,
        start: ['yarn', 'start'], cacheDir: '/usr/local/share/.cache/yarn',
      };
    case 'pnpm':
      return {
        setup: ['corepack enable'], full: `pnpm install${locked ? ' --frozen-lockfile' : ''}`,
        prod: `pnpm install${locked ? ' --frozen-lockfile' : ''} --prod`, run: (s) => `pnpm run ${s}`,
        start: ['pnpm', 'start'], cacheDir: '/root/.local/share/pnpm/store',
      };
    case 'bun':
      return {
        setup: [], full: `bun install${locked ? ' --frozen-lockfile' : ''}`,
        prod: `bun install${locked ? ' --frozen-lockfile' : ''} --production`, run: (s) => `bun run ${s}`,
        start: ['bun', 'run', 'start'], cacheDir: '/root/.bun/install/cache',
      };
    default:
      return {
        setup: [], full: locked ? 'npm ci' : 'npm install', prod: locked ? 'npm ci --omit=dev' : 'npm install --omit=dev',
        run: (s) => `npm run ${s}`, start: ['npm', 'start'], cacheDir: '/root/.npm',
      };
  }
}

const RUNNERS = new Set(['node', 'bun', 'npm', 'yarn', 'pnpm']);

/** `node dist/server.js` → exec array; a node_modules binary (`next start`) gets its path; else null. */
export function nodeStartCommand(start: string | undefined, pm: PmCommands): { cmd: string[]; viaPm: boolean } {
  const parts = start ? splitCommand(start) : null;
  if (!parts) return { cmd: pm.start, viaPm: true };
  const args = parts[0] === 'npx' ? parts.slice(1) : parts;
  if (args.length === 0) return { cmd: pm.start, viaPm: true };
  if (RUNNERS.has(args[0])) return { cmd: args, viaPm: args[0] !== 'node' && args[0] !== 'bun' };
  return { cmd: [`/app/node_modules/.bin/${args[0]}`, ...args.slice(1)], viaPm: false };
}

export function nodeDockerfile(input: DockerfileInput): Stage[] {
  const { plan } = input;
  const app = plan.app;
  const pmName = app.packageManager?.value ?? 'npm';
  const choice = imagesFor({ family: input.family, ecosystem: 'node', detected: app.runtimeVersion, tool: pmName === 'bun' ? 'bun' : undefined });
  input.warnings.push(...choice.warnings);
  const lock = lockfileOf(input);
  if (!lock) input.warnings.push('no lockfile found: dependency installs are not reproducible (commit one)');
  const pm = pmCommands(pmName as PackageManager, Boolean(lock));
  const manifests = copyManifests(['package.json', lock]);
  const mounts = cache(input, pm.cacheDir);
  const { build: buildImage, runtime: runtimeImage } = choice;
  const isNext = /next/i.test(app.framework?.value ?? '');
  const stages: Stage[] = [];

  const installStage = (as: string, install: string, comment?: string[]): Stage => ({
    from: buildImage.ref, as, comment,
    lines: [...rootFirst(buildImage), 'WORKDIR /app', ...buildPackages(input, buildImage), manifests, run([...pm.setup, install], mounts)],
  });

  if (plan.shape === 'spa') {
    const build = installStage('build', pm.full, [choice.note]);
    build.lines.push('COPY . .', run([app.build!.value]));
    stages.push(build);
    stages.push(nginxRuntime(input, `/app/${app.outputDir!.value}`, 'build', true));
    return stages;
  }

  stages.push(installStage('deps', pm.prod, [choice.note, 'Production dependencies only, cached until the manifest or lockfile changes.']));
  if (app.build) {
    const build = installStage('build', pm.full);
    build.lines.push('COPY . .');
    if (isNext) build.lines.push('ENV NEXT_TELEMETRY_DISABLED=1');
    build.lines.push(run([app.build.value, 'rm -rf node_modules']));
    stages.push(build);
  }

  const { cmd, viaPm } = nodeStartCommand(app.start?.value, pm);
  const env = ['NODE_ENV=production'];
  if (plan.port !== null && (reads(app, 'PORT') || isNext)) env.push(`PORT=${plan.port}`);
  if (isNext) env.push('HOSTNAME=0.0.0.0', 'NEXT_TELEMETRY_DISABLED=1');
  const runtime: Stage = {
    from: runtimeImage.ref,
    comment: viaPm ? [`The start script is run by ${pm.start[0]} (not a simple command: ${app.start?.value ?? 'none detected'}).`] : undefined,
    lines: [
      ...rootFirst(runtimeImage),
      `ENV ${env.join(' ')}`,
      'WORKDIR /app',
      ...runtimeSetup(input, runtimeImage, '/app'),
      'COPY --from=deps /app/node_modules ./node_modules',
      app.build ? 'COPY --from=build /app ./' : 'COPY . .',
      ...runtimeTail(input, runtimeImage, pmName === 'bun' ? 'bun' : 'node', cmd),
    ],
  };
  stages.push(runtime);
  return stages;
}

