// Python: pip / poetry / pipenv / uv / pdm into a virtualenv in a build stage; the runtime stage gets the
// virtualenv and the sources, nothing else.
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { pythonHealth } from './health';
import { joinPath, lockfileName, reads } from '../../generate/plan';
import { buildPackages, cache, copyManifests, lockfileOf, runtimeSetup, runtimeTail, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, splitCommand, envPrefix, mergeEnv, type Stage } from '../../generate/dockerfile/render';

export const LABEL = 'Python';

/** Tool versions installed in the build stage only. */
const TOOLS = { poetry: 'poetry==1.8.5', uv: 'uv==0.5.11', pipenv: 'pipenv==2024.4.0', pdm: 'pdm==2.22.1' };

export function pythonDockerfile(input: DockerfileInput): Stage[] {
  const { plan } = input;
  const app = plan.app;
  const choice = chooseImages(images, LABEL, { family: input.family, detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  const pm = app.packageManager?.value ?? 'pip';
  const lock = lockfileOf(input);
  const workspace = plan.context !== plan.dir;
  const pipCache = cache(input, '/root/.cache/pip');
  const uvCache = cache(input, '/root/.cache/uv');
  const install: string[] = [];
  let afterSources: string[] = [];
  const stages: Stage[] = [];
  switch (pm) {
    case 'poetry':
      install.push(copyManifests(['pyproject.toml', lock]), run([`python3 -m pip install ${TOOLS.poetry}`, 'poetry install --only main --no-root --no-interaction'], pipCache));
      break;
    case 'uv': {
      const pkg = workspace ? ` --package ${app.name}` : '';
      if (workspace) {
        // A uv workspace member: the lockfile is at the workspace root and needs every member's pyproject.
        stages.push({
          from: choice.build.ref, as: 'manifests',
          comment: [choice.note, `Build from the workspace root: docker build -f ${joinPath(plan.inContext, 'Dockerfile')} .`],
          lines: [...rootFirst(choice.build), 'WORKDIR /app', 'COPY . .', run([`find . -type f ! -name 'pyproject.toml' ! -name '${lockfileName(lock)}' ! -name '.python-version' -delete`, 'find . -mindepth 1 -type d -empty -delete'])],
        });
        install.push('COPY --from=manifests /app ./');
      } else {
        install.push(copyManifests(['pyproject.toml', lock]));
      }
      install.push(run([`python3 -m pip install ${TOOLS.uv}`, `UV_PROJECT_ENVIRONMENT=/opt/venv uv sync ${lock ? '--frozen ' : ''}--no-dev${pkg} ${workspace ? '--no-install-workspace' : '--no-install-project'}`], uvCache));
      afterSources = [run([`UV_PROJECT_ENVIRONMENT=/opt/venv uv sync ${lock ? '--frozen ' : ''}--no-dev --no-editable${pkg}`], uvCache)];
      break;
    }
    case 'pipenv':
      install.push(copyManifests(['Pipfile', lock ?? 'Pipfile.lock']),
        run([`python3 -m pip install ${TOOLS.pipenv}`, 'pipenv requirements > /tmp/requirements.txt', '/opt/venv/bin/pip install -r /tmp/requirements.txt'], pipCache));
      break;
    case 'pdm':
      install.push(copyManifests(['pyproject.toml', lock ?? 'pdm.lock']),
        run([`python3 -m pip install ${TOOLS.pdm}`, 'pdm export --prod --without-hashes -o /tmp/requirements.txt', '/opt/venv/bin/pip install -r /tmp/requirements.txt'], pipCache));
      break;
    default: {
      const declared = app.packageManager?.source;
      const requirements = lock ?? (declared && /\.txt$/.test(declared) ? declared.slice(plan.dir ? plan.dir.length + 1 : 0) : undefined);
      if (requirements) {
        // A requirements file in a folder may include its siblings (`-r base.txt`): copy the folder.
        const folder = requirements.includes('/') ? requirements.slice(0, requirements.lastIndexOf('/') + 1) : '';
        install.push(folder ? `COPY ${folder} ${folder}` : copyManifests([requirements]), run([`/opt/venv/bin/pip install -r ${requirements}`], pipCache));
      } else if (declared === joinPath(plan.dir, 'pyproject.toml')) {
        afterSources = [run(['/opt/venv/bin/pip install .'], pipCache)];
      }
    }
  }
  const appDir = joinPath('/app', plan.inContext) || '/app';
  const build: Stage = {
    from: choice.build.ref, as: 'build', comment: workspace ? undefined : [choice.note],
    lines: [
      ...rootFirst(choice.build),
      `ENV PIP_DISABLE_PIP_VERSION_CHECK=1${input.cacheMounts ? '' : ' PIP_NO_CACHE_DIR=1'} PYTHONDONTWRITEBYTECODE=1 VIRTUAL_ENV=/opt/venv`,
      ...buildPackages(input, choice.build),
      'RUN python3 -m venv /opt/venv',
      'WORKDIR /app',
      ...install,
      'COPY . .',
      ...afterSources,
      ...(plan.inContext ? [`WORKDIR ${appDir}`] : []),
      ...(app.build ? [run([`${buildEnv(app)}PATH=/opt/venv/bin:$PATH ${app.build.value}`])] : []),
    ],
  };
  stages.push(build);
  const env = ['PATH=/opt/venv/bin:$PATH', 'PYTHONDONTWRITEBYTECODE=1', 'PYTHONUNBUFFERED=1', 'VIRTUAL_ENV=/opt/venv'];
  if (plan.port !== null && reads(app, 'PORT')) env.push(`PORT=${plan.port}`);
  const { cmd, note } = pythonStart(input);
  const runtime: Stage = {
    from: choice.runtime.ref, comment: note ? [note] : undefined,
    lines: [
      ...rootFirst(choice.runtime),
      `ENV ${mergeEnv(env, envPrefix(app.start?.value ?? '').env).join(' ')}`,
      ...runtimeSetup(input, choice.runtime, '/app'),
      'WORKDIR /app',
      'COPY --from=build /opt/venv /opt/venv',
      'COPY --from=build /app /app',
      ...(plan.inContext ? [`WORKDIR ${appDir}`] : []),
      ...runtimeTail(input, choice.runtime, pythonHealth, cmd),
    ],
  };
  return [...stages, runtime];
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

/**
 * Django settings usually refuse to load without their secret key, even for collectstatic: the build step
 * gets a throwaway value for it (that RUN only; never ENV, never the real key).
 */
function buildEnv(app: DockerfileInput['plan']['app']): string {
  if (!/django/i.test(app.framework?.value ?? '') || !/collectstatic/.test(app.build?.value ?? '')) return '';
  const names = app.env.filter((e) => /SECRET_KEY$/.test(e.name) && !e.hasDefault).map((e) => e.name);
  return names.map((n) => `${n}=build-only-not-a-secret `).join('');
}
