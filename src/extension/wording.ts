// Failure text for an editor user: the real error line of a CLI run (not a usage text or a build log),
// in the editor's words (settings and commands instead of CLI flags). Pure: unit-tested without VS Code.

/** CLI phrases and what the editor calls the same thing. */
const EDITOR_WORDS: [RegExp, string][] = [
  [/--docker-host(?: \/ DOCKER_HOST)?/g, 'the parity.dockerHost setting'],
  [/pass --force to replace it/g, 'apply it on its own and confirm'],
  [/--force/g, 'a confirmed Apply'],
  [/--target NAME|--target \S+|--target/g, 'Select Production Target'],
  [/--app PATH|--app \S+|--app/g, 'the app to build'],
  [/`?parity generate`?/g, 'Containerize…'],
  [/`?parity down`?/g, 'Stop and Remove Containers'],
];

export function editorWording(text: string): string {
  return EDITOR_WORDS.reduce((t, [re, words]) => t.replace(re, words), text);
}

/**
 * The line that says what went wrong in a CLI run's stderr: `parity <cmd>: …` and, for a failed build,
 * the engine's reason on the next line — never the usage text or the tail of the build log after it.
 */
export function failureLine(stderr: string): string | undefined {
  const lines = stderr.split(/\r?\n/);
  const at = lines.findIndex((l) => /^parity( \w+)?: /.test(l));
  if (at < 0) return lines.map((l) => l.trim()).filter(Boolean).pop();
  const head = lines[at].replace(/^parity( \w+)?: /, '');
  const reason = /^build failed at /.test(head) ? lines[at + 1]?.trim() : undefined;
  return reason ? `${head}: ${reason}` : head;
}

