// Go: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { goDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';
import { goWorkspace } from '../../generate/plan';

export const go: EcosystemModule<'go'> = {
  id: 'go',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: goDockerfile,
  images,
  dockerignore: () => ['bin', 'vendor', '*.test', '*.out'],
  runtime: {
    defaultPort: 8080,
    setsOwnPort: false,
    startupSeconds: 60,
    buildContext: (app, dir, repo) => goWorkspace(app, dir, repo),
    // A go.work member builds from the workspace folder (go.work.sum and go.sum come with it).
    outerLockfileIsWorkspace: true,
  },
  resources: R('50m', '64Mi', '500m', '256Mi'),
  host: { binary: 'go', args: ['version'], version: /go(\d+\.\d+(?:\.\d+)?)/ },
};
