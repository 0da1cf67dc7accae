// PHP: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { phpAppRoot, phpDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';

/** Folders a Laravel app writes at run time, under the app root. */
const LARAVEL_WRITES = ['bootstrap/cache', 'storage/framework/cache', 'storage/framework/sessions', 'storage/framework/views', 'storage/logs'];

export const php: EcosystemModule<'php'> = {
  id: 'php',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: phpDockerfile,
  images,
  dockerignore: () => ['vendor', 'node_modules', 'storage/logs/*', 'storage/framework/cache/*', 'storage/framework/sessions/*', 'storage/framework/views/*', 'bootstrap/cache/*'],
  runtime: {
    defaultPort: 8080,
    // Apache listens on 8080 whatever the app says, and a PHP app is always served.
    fixedPort: 8080,
    shape: () => 'server',
    setsOwnPort: true,
    startupSeconds: 60,
    writablePaths(app, family) {
      const root = phpAppRoot(family);
      const paths = family !== 'rhel' ? ['/var/lock/apache2', '/var/run/apache2'] : [];
      if (/laravel/i.test(app.framework?.value ?? '')) paths.push(...LARAVEL_WRITES.map((d) => `${root}/${d}`));
      return paths;
    },
  },
  resources: R('100m', '128Mi', '500m', '512Mi'),
  host: { binary: 'php', args: ['--version'], version: /PHP (\d+\.\d+\.\d+)/ },
};
