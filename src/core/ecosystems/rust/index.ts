// Rust: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { rustDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';
import { contextDir } from '../../generate/plan';

export const rust: EcosystemModule<'rust'> = {
  id: 'rust',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: rustDockerfile,
  images,
  dockerignore: () => ['target'],
  runtime: {
    defaultPort: 8080,
    setsOwnPort: false,
    startupSeconds: 60,
    // Cargo workspace members build from the workspace root, where Cargo.lock is.
    buildContext: (app, dir) => contextDir(dir, app.lockfile?.value ?? undefined),
  },
  resources: R('50m', '64Mi', '500m', '256Mi'),
};
