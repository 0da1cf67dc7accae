// .NET: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { dotnetDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';

export const dotnet: EcosystemModule<'dotnet'> = {
  id: 'dotnet',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: dotnetDockerfile,
  images,
  dockerignore: () => ['**/bin', '**/obj', '*.user', '.vs'],
  runtime: { imageEnv: ['ASPNETCORE_URLS'], defaultPort: 8080, setsOwnPort: false, startupSeconds: 120 },
  resources: R('100m', '256Mi', '1', '512Mi'),
  host: { binary: 'dotnet', args: ['--version'], version: /^(\d+\.\d+\.\d+)/m },
};
