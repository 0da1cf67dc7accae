// Python: pip / poetry / pipenv / uv / pdm into a virtualenv in a build stage; the runtime stage gets the
// virtualenv and the sources, nothing else.
import { imagesFor } from '../../platform/base-images';
import { reads } from '../plan';
import { buildPackages, cache, copyManifests, lockfileOf, runtimeSetup, runtimeTail, type DockerfileInput } from './context';
import { rootFirst, run, splitCommand, type Stage } from './render';

/** Tool versions installed in the build stage only. */
const TOOLS = { poetry: 'poetry==1.8.5', uv: 'uv==0.5.11', pipenv: 'pipenv==2024.4.0', pdm: 'pdm==2.22.1' };

export function pythonDockerfile(input: DockerfileInput): Stage[] {
  const { plan } = input;
  const app = plan.app;
  const choice = imagesFor({ family: input.family, ecosystem: 'python', detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  const pm = app.packageManager?.value ?? 'pip';
  const lock = lockfileOf(input);
  const pipCache = cache(input, '/root/.cache/pip');
  const install: string[] = [];
  let afterSources: string[] = [];
  switch (pm) {
    case 'poetry':
      install.push(copyManifests(['pyproject.toml', lock ?? 'poetry.lock']), run([`python3 -m pip install ${TOOLS.poetry}`, 'poetry install --only main --no-root --no-interaction'], pipCache));
      break;
    case 'uv':
      install.push(copyManifests(['pyproject.toml', lock ?? 'uv.lock']),
        run([`python3 -m pip install ${TOOLS.uv}`, `UV_PROJECT_ENVIRONMENT=/opt/venv uv sync --frozen --no-dev --no-install-project`], cache(input, '/root/.cache/uv')));
      break;
    case 'pipenv':
      install.push(copyManifests(['Pipfile', lock ?? 'Pipfile.lock']),
        run([`python3 -m pip install ${TOOLS.pipenv}`, 'pipenv requirements > /tmp/requirements.txt', '/opt/venv/bin/pip install -r /tmp/requirements.txt'], pipCache));
      break;
    case 'pdm':
      install.push(copyManifests(['pyproject.toml', lock ?? 'pdm.lock']),
        run([`python3 -m pip install ${TOOLS.pdm}`, 'pdm export --prod --without-hashes -o /tmp/requirements.txt', '/opt/venv/bin/pip install -r /tmp/requirements.txt'], pipCache));
      break;
    default:
      if (lock) install.push(copyManifests([lock]), run([`/opt/venv/bin/pip install -r ${lock}`], pipCache));
      else afterSources = [run(['/opt/venv/bin/pip install .'], pipCache)];
  }
  const build: Stage = {
    from: choice.build.ref, as: 'build', comment: [choice.note],
    lines: [
      ...rootFirst(choice.build),
      `ENV PIP_DISABLE_PIP_VERSION_CHECK=1${input.cacheMounts ? '' : ' PIP_NO_CACHE_DIR=1'} PYTHONDONTWRITEBYTECODE=1 VIRTUAL_ENV=/opt/venv`,
      ...buildPackages(input, choice.build),
      'RUN python3 -m venv /opt/venv',
      'WORKDIR /app',
      ...install,
      'COPY . .',
      ...afterSources,
      ...(app.build ? [run([`PATH=/opt/venv/bin:$PATH ${app.build.value}`])] : []),
    ],
  };
  const env = ['PATH=/opt/venv/bin:$PATH', 'PYTHONDONTWRITEBYTECODE=1', 'PYTHONUNBUFFERED=1', 'VIRTUAL_ENV=/opt/venv'];
  if (plan.port !== null && reads(app, 'PORT')) env.push(`PORT=${plan.port}`);
  const { cmd, note } = pythonStart(input);
  const runtime: Stage = {
    from: choice.runtime.ref, comment: note ? [note] : undefined,
    lines: [
      ...rootFirst(choice.runtime),
      `ENV ${env.join(' ')}`,
      ...runtimeSetup(input, choice.runtime, '/app'),
      'WORKDIR /app',
      'COPY --from=build /opt/venv /opt/venv',
      'COPY --from=build /app /app',
      ...runtimeTail(input, choice.runtime, 'python', cmd),
    ],
  };
  return [build, runtime];
}

function pythonStart(input: DockerfileInput): { cmd: string[]; note?: string } {
  const app = input.plan.app;
  const parts = app.start ? splitCommand(app.start.value) : null;
  if (parts) return { cmd: parts };
  const port = input.plan.port ?? 8000;
  if (app.start) return { cmd: ['sh', '-c', app.start.value], note: `The start command needs a shell: ${app.start.value}` };
  input.warnings.push('no start command detected: the Dockerfile guesses one; set it in the Procfile or pyproject');
  if (/django/i.test(app.framework?.value ?? '')) return { cmd: ['python3', 'manage.py', 'runserver', `0.0.0.0:${port}`], note: 'No start command detected: Django\'s development server; use gunicorn in production.' };
  return { cmd: ['python3', 'main.py'], note: 'No start command detected: guessing main.py.' };
}
