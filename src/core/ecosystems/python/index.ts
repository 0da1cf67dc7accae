// Python: everything Parity knows about this ecosystem (see src/core/ecosystem.ts).
import type { EcosystemModule } from '../../ecosystem';
import { R } from '../../generate/kube/resources';
import { provider } from './detect';
import { pythonDockerfile, LABEL } from './dockerfile';
import { images } from './images';
import { pins } from './pins';
import { dependencies } from './dependencies';
import { contextDir } from '../../generate/plan';

export const python: EcosystemModule<'python'> = {
  id: 'python',
  label: LABEL,
  detect: provider,
  pins,
  dependencies,
  dockerfile: pythonDockerfile,
  images,
  dockerignore: () => ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', '.tox', '.pytest_cache', '.mypy_cache', '.ruff_cache', '*.egg-info', 'dist', 'build'],
  runtime: {
    imageEnv: ['PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE'],
    defaultPort: 8000,
    setsOwnPort: true,
    startupSeconds: 60,
    // uv workspaces build from the workspace root, where the lockfile is.
    buildContext: (app, dir) => (app.packageManager?.value === 'uv' ? contextDir(dir, app.lockfile?.value ?? undefined) : undefined),
  },
  resources: R('100m', '256Mi', '1', '512Mi'),
  host: { binary: 'python3', args: ['--version'], version: /Python (\d+\.\d+\.\d+)/ },
};
