// Ruby (Rails, Sinatra…): gems installed for production in a build stage with compilers; assets
// precompiled there; the runtime stage gets the bundle and the app.
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { rubyHealth } from './health';
import { reads } from '../../generate/plan';
import { buildPackages, lockfileOf, copyManifests, runtimeSetup, runtimeTail, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, splitCommand, envPrefix, mergeEnv, type Stage } from '../../generate/dockerfile/render';

export const LABEL = 'Ruby';

const bundleEnv = (locked: boolean) => `${locked ? 'BUNDLE_DEPLOYMENT=1 ' : ''}BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test`;

export function rubyDockerfile(input: DockerfileInput): Stage[] {
  const { plan, family } = input;
  const app = plan.app;
  const choice = chooseImages(images, LABEL, { family, detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  const rails = /rails/i.test(app.framework?.value ?? '');
  const compilers = family === 'debian' ? ['build-essential'] : family === 'alpine' ? ['build-base'] : [];
  const build: Stage = {
    from: choice.build.ref, as: 'build', comment: [choice.note],
    lines: [
      ...rootFirst(choice.build),
      `ENV ${bundleEnv(Boolean(lockfileOf(input)))}`,
      ...buildPackages(input, choice.build, compilers),
      'WORKDIR /app',
      copyManifests(['Gemfile', lockfileOf(input)]),
      run(['bundle install', 'rm -rf /usr/local/bundle/ruby/*/cache']),
      'COPY . .',
      ...(app.build ? [run([`${rails ? 'SECRET_KEY_BASE_DUMMY=1 ' : ''}${app.build.value}`])] : []),
    ],
  };
  const env = [bundleEnv(Boolean(lockfileOf(input)))];
  if (rails) env.push('RAILS_ENV=production', 'RAILS_LOG_TO_STDOUT=1', 'RAILS_SERVE_STATIC_FILES=1');
  else env.push('RACK_ENV=production');
  if (plan.port !== null && (reads(app, 'PORT') || rails)) env.push(`PORT=${plan.port}`);
  const port = plan.port ?? 3000;
  const parts = app.start ? splitCommand(app.start.value) : null;
  const cmd = parts ?? (rails ? ['bundle', 'exec', 'rails', 'server', '-b', '0.0.0.0', '-p', String(port)] : ['bundle', 'exec', 'rackup', '-o', '0.0.0.0', '-p', String(port)]);
  const runtime: Stage = {
    from: choice.runtime.ref,
    comment: parts ? undefined : [`Start command: ${app.start ? `'${app.start.value}' needs a shell, so` : 'none detected,'} using the ${rails ? 'Rails' : 'Rack'} server.`],
    lines: [
      ...rootFirst(choice.runtime),
      `ENV ${mergeEnv(env, envPrefix(app.start?.value ?? '').env).join(' ')}`,
      ...runtimeSetup(input, choice.runtime, '/app'),
      'WORKDIR /app',
      'COPY --from=build /usr/local/bundle /usr/local/bundle',
      'COPY --from=build /app /app',
      ...runtimeTail(input, choice.runtime, rubyHealth, cmd, { startPeriod: '30s' }),
    ],
  };
  return [build, runtime];
}
