// Procfile (Heroku, Dokku, foreman…): `web: <command>` is how the app is started in production, so it
// beats any convention. A literal port in that command (`--port 8000`, `--bind 0.0.0.0:8000`, `-p 5000`,
// `${PORT:-8000}`) is explicit configuration. Shared by the Python, Ruby and PHP providers.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';

/** Longer lines are not commands anyone wrote; skipping them keeps the line regexes linear. */
export const MAX_LINE = 4096;

export interface ProcfileWeb {
  start: Fact<string>;
  configPort: Fact<number> | null;
}

export function procfileWeb(ctx: AppContext): ProcfileWeb | undefined {
  const text = ctx.read('Procfile');
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_LINE) continue;
    const m = /^\s*web\s*:\s*(.+?)\s*$/.exec(lines[i]);
    if (!m) continue;
    const port = portInCommand(m[1]);
    return { start: ctx.fact(m[1], 'Procfile', i + 1), configPort: port === undefined ? null : ctx.fact(port, 'Procfile', i + 1) };
  }
  return undefined;
}

const PORT_PATTERNS = [
  /(?:--port|-p)(?:\s+|=)(\d{2,5})\b/,
  /(?:--bind|-b)(?:[ \t]+|=)(?:tcp:\/\/)?[\w.[\]:-]{0,100}?:(\d{2,5})\b/,
  /\$\{PORT:-(\d{2,5})\}/,
  /\b(?:0\.0\.0\.0|localhost|127\.0\.0\.1|\[::\]):(\d{2,5})\b/,
  /(?:^|\s)-S[ \t]+[\w.]{0,100}:(\d{2,5})\b/,
];

/** A literal port in a start command, if it names one. */
export function portInCommand(command: string): number | undefined {
  for (const re of PORT_PATTERNS) {
    const m = re.exec(command);
    if (m) {
      const n = Number(m[1]);
      if (n > 0 && n < 65536) return n;
    }
  }
  return undefined;
}
