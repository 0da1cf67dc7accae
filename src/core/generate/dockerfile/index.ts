// Dispatch to the ecosystem's Dockerfile generator and render it.
import type { Ecosystem } from '../../model';
import type { DockerfileInput } from './context';
import { renderDockerfile, type Stage } from './render';
import { nodeDockerfile } from './node';
import { pythonDockerfile } from './python';
import { goDockerfile } from './go';
import { rustDockerfile } from './rust';
import { javaDockerfile } from './java';
import { dotnetDockerfile } from './dotnet';
import { rubyDockerfile } from './ruby';
import { phpDockerfile } from './php';
import { staticDockerfile } from './static';

export type { DockerfileInput } from './context';

const GENERATORS: Record<Ecosystem, (input: DockerfileInput) => Stage[]> = {
  node: nodeDockerfile, python: pythonDockerfile, go: goDockerfile, rust: rustDockerfile, java: javaDockerfile,
  dotnet: dotnetDockerfile, ruby: rubyDockerfile, php: phpDockerfile, static: staticDockerfile,
};

/** The Dockerfile body (without the Parity header). */
export function dockerfileBody(input: DockerfileInput): string {
  return renderDockerfile(GENERATORS[input.plan.app.ecosystem](input));
}
