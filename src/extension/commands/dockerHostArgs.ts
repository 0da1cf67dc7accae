import type { Services } from '../services';

/** The Docker host setting as the CLI flag, so editor and CLI reach the same engine. */
export function dockerHostArgs(s: Services): string[] {
  return s.config.settings.dockerHost ? ['--docker-host', s.config.settings.dockerHost] : [];
}
