// The app's ecosystem module builds its stages; they are rendered with the image settings before the COPYs.
import type { DockerfileInput } from './context';
import { renderDockerfile, type Stage } from './render';

export type { DockerfileInput } from './context';

/** The Dockerfile body (without the Parity header). */
export function dockerfileBody(input: DockerfileInput): string {
  return renderDockerfile(settingsBeforeSources(input.plan.ecosystem.dockerfile(input)));
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
