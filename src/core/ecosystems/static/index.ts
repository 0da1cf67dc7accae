// Static sites: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { staticDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';

export const staticSite: EcosystemModule<'static'> = {
  id: 'static',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: staticDockerfile,
  images,
  markerIsAssetInsideApps: true,
  // The site is copied as is: keep the build files out of the web root.
  dockerignore: () => ['node_modules', 'Dockerfile*', '.dockerignore'],
  runtime: { defaultPort: 8080, fixedPort: 8080, shape: () => 'static', setsOwnPort: true, startupSeconds: 60 },
  resources: R('25m', '32Mi', '250m', '128Mi'),
};
