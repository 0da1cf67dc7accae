// Java: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { javaDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';

export const java: EcosystemModule<'java'> = {
  id: 'java',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: javaDockerfile,
  images,
  dockerignore: () => ['target', 'build', '.gradle', 'out', '*.class'],
  runtime: { defaultPort: 8080, setsOwnPort: false, startupSeconds: 120 },
  resources: R('250m', '512Mi', '1', '1Gi'),
  versionHints: { belowFloor: 'classes compiled for the newer release fail with UnsupportedClassVersionError' },
  host: { binary: 'java', args: ['-version'], version: /version "(\d+(?:\.\d+)*)/ },
};
