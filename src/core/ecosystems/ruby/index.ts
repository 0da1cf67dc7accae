// Ruby: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { rubyDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';

export const ruby: EcosystemModule<'ruby'> = {
  id: 'ruby',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: rubyDockerfile,
  images,
  dockerignore: () => ['.bundle', 'vendor/bundle', 'log/*', 'tmp/*', 'storage/*', 'public/assets', 'node_modules'],
  runtime: {
    defaultPort: 3000,
    setsOwnPort: true,
    startupSeconds: 120,
    // Rails writes logs, bootsnap's cache, puma's pid and Active Storage / SQLite files (storage/, Rails 8).
    writablePaths: () => ['/app/log', '/app/storage', '/app/tmp/cache', '/app/tmp/pids', '/app/tmp/sockets'],
  },
  resources: R('250m', '384Mi', '1', '768Mi'),
  host: { binary: 'ruby', args: ['--version'], version: /ruby (\d+\.\d+\.\d+)/ },
};
