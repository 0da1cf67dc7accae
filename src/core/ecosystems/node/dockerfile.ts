// Node.js: npm / yarn / pnpm / bun, with an optional build stage (TypeScript, Next.js…); a Vite/CRA SPA
// is built with Node and served by nginx (see static.ts).
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { bunHealth, nodeHealth } from './health';
import type { PackageManager } from '../../model';
import { joinPath, lockfileName, reads } from '../../generate/plan';
import { cache, copyManifests, lockfileOf, runtimeSetup, runtimeTail, buildPackages, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, splitCommand, envPrefix, mergeEnv, type Stage } from '../../generate/dockerfile/render';
import { productionStart, readManifest } from './production-start';
import { nodeInstallClosure } from './install-closure';
import { nginxRuntime } from '../static/dockerfile';

export const LABEL = 'Node.js';

interface PmCommands {
  setup: string[];
  full: string;
  prod: string;
  run: (script: string) => string;
  start: string[];
  cacheDir: string;
}

function pmCommands(pm: PackageManager, locked: boolean, berry = false): PmCommands {
  if (pm === 'yarn' && berry) {
    return {
      setup: ['corepack enable'], full: `yarn install${locked ? ' --immutable' : ''}`,
      prod: 'yarn workspaces focus --all --production', run: (s) => `yarn run ${s}`,
      start: ['yarn', 'start'], cacheDir: '/root/.yarn/berry/cache',
    };
  }
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
export function nodeStartCommand(start: string | undefined, pm: PmCommands, binDir: string | null): { cmd: string[]; viaPm: boolean } {
  const parts = start ? splitCommand(start) : null;
  if (!parts) return { cmd: pm.start, viaPm: true };
  const args = parts[0] === 'npx' ? parts.slice(1) : parts;
  if (args.length === 0) return { cmd: pm.start, viaPm: true };
  if (RUNNERS.has(args[0])) return { cmd: args, viaPm: args[0] !== 'node' && args[0] !== 'bun' };
  // A workspace may hoist binaries anywhere: the package manager finds them.
  if (binDir === null) return { cmd: pm.start, viaPm: true };
  return { cmd: [`${binDir}/node_modules/.bin/${args[0]}`, ...args.slice(1)], viaPm: false };
}

const NEXT_CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];
const BUILD_FOLDERS = new Set(['dist', 'build', 'out', 'lib', '.output']);

/**
 * The folder a build writes that the runtime needs: the detected output folder, `.next` for Next.js, else
 * the build folder the start command runs from (`node dist/index.js` → `dist`); null when not known.
 */
export function buildOutput(start: string | undefined, outputDir: string | undefined, isNext: boolean): string | null {
  if (isNext) return '.next';
  const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  if (outputDir && /^[A-Za-z0-9._-]+$/.test(clean(outputDir)) && clean(outputDir) !== '.') return clean(outputDir);
  const parts = start ? splitCommand(start) : null;
  if (!parts || (parts[0] !== 'node' && parts[0] !== 'bun')) return null;
  const script = parts.slice(1).find((a) => !a.startsWith('-'));
  const top = script ? clean(script).split('/') : [];
  return top.length > 1 && BUILD_FOLDERS.has(top[0]) ? top[0] : null;
}

/**
 * engines.node is a semver range and detection keeps only its version: the raw range is what says whether
 * it is a floor (`>=16.11` → the current LTS) or a line (`20`, `^20` → 20).
 */
function enginesRange(detected: { value: string; source: string } | null | undefined, pkgText: string | undefined) {
  if (!detected || !/engines\.node/.test(detected.source) || !pkgText) return detected;
  try {
    const raw = (JSON.parse(pkgText) as { engines?: { node?: unknown } }).engines?.node;
    return typeof raw === 'string' && raw.trim() ? { value: raw.trim(), source: detected.source } : detected;
  } catch {
    return detected;
  }
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  try { return text ? (JSON.parse(text) as Record<string, unknown>) : null; } catch { return null; }
}

/**
 * Installs that skip the root package's lifecycle scripts (they need the sources or .git) but still run the
 * dependencies' own (native builds): `--ignore-scripts`, then a rebuild. Yarn berry and Bun are left as they are.
 */
function rootScriptsSkipped(pm: PmCommands, pmName: string, berry: boolean, skip: boolean): { install: string; prod: string } {
  if (!skip || berry || pmName === 'bun') return { install: pm.full, prod: pm.prod };
  const rebuild = pmName === 'pnpm' ? 'pnpm rebuild' : 'npm rebuild';
  return { install: `${pm.full} --ignore-scripts && ${rebuild}`, prod: `${pm.prod} --ignore-scripts && ${rebuild}` };
}

/** tsconfig's compilerOptions.outDir (tsconfig is JSON with comments: read by pattern). */
function tsOutDir(text: string | undefined): string | undefined {
  return text ? /"outDir"\s*:\s*"([^"]+)"/.exec(text)?.[1] : undefined;
}

export function nodeDockerfile(input: DockerfileInput): Stage[] {
  const { plan } = input;
  const app = plan.app;
  const pmName = app.packageManager?.value ?? 'npm';
  const choice = chooseImages(images, LABEL, { family: input.family, detected: enginesRange(app.runtimeVersion, input.readText?.(joinPath(plan.dir, 'package.json'))), tool: pmName === 'bun' ? 'bun' : undefined });
  input.warnings.push(...choice.warnings);
  const lock = lockfileOf(input);
  if (!lock) input.warnings.push('no lockfile found: dependency installs are not reproducible (commit one)');
  const lockName = lockfileName(lock);
  const workspace = plan.context !== plan.dir;
  // Yarn 2+ ("berry") lockfiles start with __metadata; its flags and production install differ from Yarn 1.
  const read = (f: string) => input.readText?.(joinPath(plan.context, f));
  const berry = pmName === 'yarn' && Boolean(lock && /^__metadata:/m.test(read(lockName!) ?? ''));
  const yarnrc = berry && read('.yarnrc.yml') !== undefined ? '.yarnrc.yml' : undefined;
  if (berry && !/^nodeLinker:\s*["']?node-modules/m.test(read('.yarnrc.yml') ?? '')) {
    input.warnings.push('Yarn Plug\'n\'Play keeps no node_modules: set `nodeLinker: node-modules` in .yarnrc.yml for this image layout');
  }
  const pm = pmCommands(pmName as PackageManager, Boolean(lock), berry);
  const mounts = cache(input, pm.cacheDir);
  const { build: buildImage, runtime: runtimeImage } = choice;
  const isNext = /next/i.test(app.framework?.value ?? '');
  const appDir = joinPath('/app', plan.inContext) || '/app';
  // `output: 'standalone'` makes Next.js trace the server and the node_modules it needs into
  // .next/standalone: the runtime takes that alone, and no production install is needed.
  const standalone = isNext && !workspace && Boolean(app.build)
    && NEXT_CONFIGS.some((f) => /\boutput\s*:\s*["'`]standalone["'`]/.test(read(f) ?? ''));
  const pkgText = input.readText?.(joinPath(plan.dir, 'package.json'));
  const manifest = readManifest(pkgText);
  const prodStart = productionStart(app.start?.value, manifest, app.framework?.value ?? '', Boolean(app.build), tsOutDir(input.readText?.(joinPath(plan.dir, 'tsconfig.json'))));
  const closure = nodeInstallClosure({ read, exists: (f) => read(f) !== undefined, pm: pmName, manifest, packageJson: parseJson(pkgText), lockName: lock ? lockName : undefined });
  input.warnings.push(...closure.notes);
  const { install: withScripts, prod: prodWithScripts } = rootScriptsSkipped(pm, pmName, berry, closure.ignoreRootScripts);
  const pmSetup = closure.pnpmVersion ? [...pm.setup, `corepack prepare pnpm@${closure.pnpmVersion} --activate`] : pm.setup;
  if (prodStart?.replaced) input.warnings.push(prodStart.replaced);
  const start = prodStart?.command ?? app.start?.value;
  const stages: Stage[] = [];

  if (workspace) {
    // A workspace member: the lockfile is at the workspace root, so every package.json is needed to
    // install. This stage keeps only the manifests; its output (and so the install layer below) changes
    // only when a manifest or the lockfile does.
    const keep = [...new Set(['package.json', lockName!, 'pnpm-workspace.yaml', '.npmrc', '.yarnrc.yml'])];
    const keepPaths = closure.files.filter((f) => f.includes('/')).map((f) => `! -path './${f}'`);
    stages.push({
      from: buildImage.ref, as: 'manifests',
      comment: [choice.note, `Build from the workspace root: docker build -f ${joinPath(plan.inContext, 'Dockerfile')} .`],
      lines: [
        ...rootFirst(buildImage),
        'WORKDIR /app',
        'COPY . .',
        run([`find . -type f ${[...keep.map((k) => `! -name '${k}'`), ...keepPaths].join(' ')} -delete`, 'find . -mindepth 1 -type d -empty -delete']),
      ],
    });
  }
  const nested = closure.files.filter((f) => f.includes('/'));
  const manifests = workspace ? ['COPY --from=manifests /app ./']
    : [copyManifests(['package.json', lock, yarnrc, ...closure.files.filter((f) => !f.includes('/'))]), ...nested.map((f) => `COPY ${f} ./${f}`)];
  const installStage = (as: string, install: string, comment?: string[], after: string[] = []): Stage => ({
    from: buildImage.ref, as, comment,
    lines: [...rootFirst(buildImage), 'WORKDIR /app', ...buildPackages(input, buildImage), ...manifests, run([...pmSetup, install, ...after], mounts)],
  });
  const buildIn = (stage: Stage) => {
    stage.lines.push('COPY . .');
    // Root lifecycle scripts skipped at install read the sources: they run now, before the build.
    if (closure.afterSources.length) stage.lines.push(run(closure.afterSources.map((k) => pm.run(k))));
    if (plan.inContext) stage.lines.push(`WORKDIR ${appDir}`);
  };

  if (plan.shape === 'spa') {
    const build = installStage('build', withScripts, workspace ? undefined : [choice.note]);
    buildIn(build);
    build.lines.push(run([app.build!.value]));
    stages.push(build);
    stages.push(nginxRuntime(input, joinPath(appDir, app.outputDir!.value), 'build', true));
    return stages;
  }

  // With no production dependencies no package manager creates node_modules, and the runtime stage's
  // COPY of it would fail: the folder is made to exist either way.
  if (!standalone) stages.push(installStage('deps', prodWithScripts, [...(workspace ? [] : [choice.note]), 'Production dependencies only, cached until a manifest or the lockfile changes.'],
    workspace ? [] : ['mkdir -p node_modules']));
  // What the runtime takes from the build stage. Known output (a build folder, Next.js's .next): only
  // that, so a source edit reruns just the two `COPY . .`, the build command and one COPY of its output.
  // Unknown: the whole /app, with the dev dependencies deleted in the build step (correct, but deleting
  // node_modules is slow and that layer is rebuilt on every edit).
  const output = app.build && !workspace ? buildOutput(start, app.outputDir?.value, isNext) : null;
  if (app.build) {
    const build = installStage('build', withScripts, standalone ? [choice.note] : undefined);
    buildIn(build);
    if (isNext) build.lines.push('ENV NEXT_TELEMETRY_DISABLED=1');
    // The standalone runtime copies public/, which an app need not have.
    const after = standalone ? ['mkdir -p public'] : output ? [] : [workspace ? 'find /app -name node_modules -prune -exec rm -rf {} +' : 'rm -rf node_modules'];
    build.lines.push(run([app.build.value, ...after]));
    stages.push(build);
  }

  const started = standalone ? { cmd: ['node', 'server.js'], viaPm: false } : nodeStartCommand(start, pm, workspace ? null : appDir);
  const { viaPm } = started;
  // The runtime image has npm, not pnpm or Yarn (corepack would download them at start: no network, and a
  // read-only home); npm runs the same package.json script.
  const cmd = viaPm && started.cmd.join(' ') === pm.start.join(' ') && pmName !== 'bun' ? ['npm', 'start'] : started.cmd;
  const env = ['NODE_ENV=production'];
  // npm writes its cache and logs under HOME, which is read-only in Kubernetes.
  if (cmd[0] === 'npm') env.push('NPM_CONFIG_CACHE=/tmp/.npm', 'NPM_CONFIG_UPDATE_NOTIFIER=false');
  if (plan.port !== null && (reads(app, 'PORT') || isNext)) env.push(`PORT=${plan.port}`);
  if (isNext) env.push('HOSTNAME=0.0.0.0', 'NEXT_TELEMETRY_DISABLED=1');
  const copies = standalone
    ? ['COPY --from=build /app/.next/standalone ./', 'COPY --from=build /app/.next/static ./.next/static', 'COPY --from=build /app/public ./public']
    : workspace
    ? ['COPY --from=deps /app ./', app.build ? 'COPY --from=build /app ./' : 'COPY . .']
    : ['COPY --from=deps /app/node_modules ./node_modules', ...(output
      // The sources come along (small, and cheap to re-copy): apps read views/, public/, config files or
      // package.json ("type": "module") next to their build output.
      ? ['COPY . .', `COPY --from=build /app/${output} ./${output}`]
      : [app.build ? 'COPY --from=build /app ./' : 'COPY . .'])];
  const runtime: Stage = {
    from: runtimeImage.ref,
    comment: viaPm ? [`Started through ${cmd[0]}: the start command (${start ?? 'none detected'}) is not a plain executable here.`] : undefined,
    lines: [
      ...rootFirst(runtimeImage),
      `ENV ${mergeEnv(env, envPrefix(start ?? '').env).join(' ')}`,
      'WORKDIR /app',
      ...runtimeSetup(input, runtimeImage, '/app'),
      ...copies,
      ...(plan.inContext ? [`WORKDIR ${appDir}`] : []),
      ...runtimeTail(input, runtimeImage, pmName === 'bun' ? bunHealth : nodeHealth, cmd),
    ],
  };
  stages.push(runtime);
  return stages;
}
