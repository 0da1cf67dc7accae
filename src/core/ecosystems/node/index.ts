// Node.js: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { nodeDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';
import { joinPath } from '../../generate/plan';
import { contextDir } from '../../generate/plan';
import { isNext } from './facts';

export const node: EcosystemModule<'node'> = {
  id: 'node',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: nodeDockerfile,
  images,
  dockerignore(app) {
    const out = ['**/node_modules', 'npm-debug.log*', 'yarn-error.log*', '.pnpm-store', '.yarn/cache', '.turbo', '.cache'];
    if (app.build) out.push('.next', '.nuxt', '.output', '.svelte-kit');
    if (app.build && app.outputDir) out.push(app.outputDir.value);
    return out;
  },
  runtime: {
    imageEnv: ['NODE_ENV', 'NEXT_TELEMETRY_DISABLED', 'HOSTNAME'],
    defaultPort: 3000,
    // A build with an output folder and no start command is a single-page app served by nginx.
    shape: (app) => (!app.start && app.build && app.outputDir ? 'spa' : undefined),
    setsOwnPort: true,
    startupSeconds: 60,
    writablePaths: (app, _family, inContext) => (isNext(app) ? [joinPath('/app', inContext, '.next/cache')] : []),
    buildContext: (app, dir) => contextDir(dir, app.lockfile?.value ?? undefined),
  },
  resources: R('100m', '128Mi', '500m', '512Mi'),
  versionHints: {
    mismatch: 'native modules built for one Node ABI fail on the other (NODE_MODULE_VERSION mismatch)',
    switchLocally: 'Switch with your version manager (nvm use / fnm use) before installing.',
  },
};
