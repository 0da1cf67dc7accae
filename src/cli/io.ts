// Where a command writes. Tests pass a capturing IO; the real one writes to the process streams.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  /** Aborted on Ctrl-C so long operations (builds) can cancel cleanly. */
  signal: AbortSignal;
  /** Whether stdout is a terminal (colours, progress lines). */
  isTTY: boolean;
  /** Overwrites the current stdout line (progress); set by main, which escapes every other write. */
  rewriteLine?(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
