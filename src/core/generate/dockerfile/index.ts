// Dispatch to the ecosystem's Dockerfile generator and render it.
import type { Ecosystem } from '../../model';
import type { DockerfileInput } from './context';
import { renderDockerfile, type Stage } from './render';
import { nodeDockerfile } from '../../ecosystems/node/dockerfile';
import { pythonDockerfile } from '../../ecosystems/python/dockerfile';
import { goDockerfile } from '../../ecosystems/go/dockerfile';
import { rustDockerfile } from '../../ecosystems/rust/dockerfile';
import { javaDockerfile } from '../../ecosystems/java/dockerfile';
import { dotnetDockerfile } from '../../ecosystems/dotnet/dockerfile';
import { rubyDockerfile } from '../../ecosystems/ruby/dockerfile';
import { phpDockerfile } from '../../ecosystems/php/dockerfile';
import { staticDockerfile } from '../../ecosystems/static/dockerfile';

export type { DockerfileInput } from './context';

const GENERATORS: Record<Ecosystem, (input: DockerfileInput) => Stage[]> = {
  node: nodeDockerfile, python: pythonDockerfile, go: goDockerfile, rust: rustDockerfile, java: javaDockerfile,
  dotnet: dotnetDockerfile, ruby: rubyDockerfile, php: phpDockerfile, static: staticDockerfile,
};

/** The Dockerfile body (without the Parity header). */
export function dockerfileBody(input: DockerfileInput): string {
  return renderDockerfile(settingsBeforeSources(GENERATORS[input.plan.app.ecosystem](input)));
}

const SETTINGS = /^(EXPOSE|HEALTHCHECK|ENTRYPOINT|CMD) /;

/**
 * Moves the final stage's EXPOSE, HEALTHCHECK, ENTRYPOINT and CMD above its first COPY (of sources, build
 * output or dependencies). With the classic builder each of them is a layer commit that a source edit would
 * redo; above the COPYs they stay cached, so a rebuild after an edit is the COPYs and what must follow them.
 */
function settingsBeforeSources(stages: Stage[]): Stage[] {
  const last = stages[stages.length - 1];
  const copyAt = last.lines.findIndex((l) => l.startsWith('COPY '));
  const settings = last.lines.filter((l, i) => i > copyAt && SETTINGS.test(l));
  if (copyAt < 0 || settings.length === 0) return stages;
  const rest = last.lines.filter((l, i) => !(i > copyAt && SETTINGS.test(l)));
  const lines = [...rest.slice(0, copyAt), '# Image settings before the COPYs, so a source edit rebuilds only the steps from the first COPY on.', ...settings, ...rest.slice(copyAt)];
  return [...stages.slice(0, -1), { ...last, lines }];
}
