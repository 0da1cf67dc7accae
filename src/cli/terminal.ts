// Text from a repository (file names, facts, warnings, build output) can hold control characters that
// would move the cursor, clear the screen or retitle the terminal. Everything the CLI prints goes through
// escapeTerminal: C0 controls except tab and newline, DEL, C1 controls and the bidirectional overrides
// become visible `\u001b`-style escapes (valid inside JSON strings too, so --json stays parseable).
import type { CliIO } from './io';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same IO with every write escaped; `rewriteLine` is the one way to start a line with a carriage return. */
export function escapingIO(io: CliIO): CliIO {
  return {
    ...io,
    out: (t) => io.out(escapeTerminal(t)),
    err: (t) => io.err(escapeTerminal(t)),
    rewriteLine: (t) => io.out('\r' + escapeTerminal(t)),
  };
}
