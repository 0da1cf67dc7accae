// Go: modules downloaded in their own layer, a static binary (CGO_ENABLED=0 unless the app uses cgo)
// copied into a small runtime image.
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { buildPackages, cache, copyManifests, lockfileOf, runtimeSetup, runtimeTail, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, type Stage } from '../../generate/dockerfile/render';
import { joinPath } from '../../generate/plan';

export const LABEL = 'Go';

/** The package to build from a detected `go build … ./cmd/server` command, else `.`. */
export function goTarget(build: string | undefined): string {
  const parts = (build ?? '').split(/\s+/).filter(Boolean);
  const pkg = [...parts].reverse().find((p, i, arr) => /^\.(\/|$)/.test(p) && arr[i + 1] !== '-o');
  return pkg ?? '.';
}

export function goDockerfile(input: DockerfileInput): Stage[] {
  const { plan, family } = input;
  const app = plan.app;
  const choice = chooseImages(images, LABEL, { family, detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  const cgo = Boolean(app.cgo?.value);
  const bin = (app.binary?.value ?? plan.name).replace(/^.*\//, '');
  const mounts = cache(input, '/go/pkg/mod', '/root/.cache/go-build');
  const cgoBuild = cgo && family === 'alpine' ? ['gcc', 'musl-dev'] : [];
  const workspace = plan.context !== plan.dir;
  const target = workspace ? `./${joinPath(plan.inContext, goTarget(app.build?.value))}`.replace(/\/\.$/, '') : goTarget(app.build?.value);
  const stages: Stage[] = [];
  const build: Stage = {
    from: choice.build.ref, as: 'build',
    comment: workspace
      ? [choice.note, `A go.work member: build from the workspace folder: docker build -f ${joinPath(plan.inContext, 'Dockerfile')} .`,
        'Modules download during the build: `go mod download` would look up the workspace\'s own modules in the proxy.']
      : [choice.note],
    lines: [
      ...rootFirst(choice.build),
      ...buildPackages(input, choice.build, cgoBuild),
      'WORKDIR /src',
      ...(workspace ? [] : [copyManifests(['go.mod', lockfileOf(input)]), run(['go mod download'], cache(input, '/go/pkg/mod'))]),
      'COPY . .',
      run([`CGO_ENABLED=${cgo ? 1 : 0} go build -trimpath -ldflags="-s -w" -o /out/${bin} ${target}`], mounts),
    ],
  };
  stages.push(build);
  const runtime: Stage = {
    from: choice.runtime.ref,
    comment: [cgo ? 'cgo is in use: the binary links the C library of this image family.' : 'A static binary: the runtime image only adds CA certificates and a shell for the healthcheck.'],
    lines: [
      ...runtimeSetup(input, choice.runtime, '/', family === 'debian' ? ['ca-certificates'] : []),
      `COPY --from=build /out/${bin} /usr/local/bin/${bin}`,
      ...runtimeTail(input, choice.runtime, 'shell', [`/usr/local/bin/${bin}`], { startPeriod: '5s' }),
    ],
  };
  return [...stages, runtime];
}
