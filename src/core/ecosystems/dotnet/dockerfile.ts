// .NET: restore from the project file in its own layer, publish, run on the ASP.NET runtime image.
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { cache, lockfileOf, runtimeSetup, runtimeTail, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, type Stage } from '../../generate/dockerfile/render';

export const LABEL = '.NET';

export function dotnetDockerfile(input: DockerfileInput): Stage[] {
  const { plan, family } = input;
  const app = plan.app;
  const choice = chooseImages(images, LABEL, { family, detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  const assembly = app.binary?.value ?? app.name;
  const lock = lockfileOf(input);
  const mounts = cache(input, '/root/.nuget/packages');
  const build: Stage = {
    from: choice.build.ref, as: 'build', comment: [choice.note],
    lines: [
      ...rootFirst(choice.build),
      'WORKDIR /src',
      `COPY *.csproj ${lock ? `${lock} ` : ''}./`,
      run(['dotnet restore'], mounts),
      'COPY . .',
      run(['dotnet publish -c Release -o /out --no-restore'], mounts),
    ],
  };
  const port = plan.port ?? 8080;
  const runtime: Stage = {
    from: choice.runtime.ref,
    lines: [
      ...rootFirst(choice.runtime),
      `ENV ASPNETCORE_URLS=http://+:${port} DOTNET_EnableDiagnostics=0`,
      ...runtimeSetup(input, choice.runtime, '/app'),
      'WORKDIR /app',
      'COPY --from=build /out ./',
      ...runtimeTail(input, choice.runtime, 'shell', ['dotnet', `/app/${assembly}.dll`]),
    ],
  };
  return [build, runtime];
}
