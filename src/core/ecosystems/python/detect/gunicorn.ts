// gunicorn reads ./gunicorn.conf.py on start. A `bind` there is the app's own choice of address: the start
// command then leaves `--bind` out (a flag would override the file) and the port in it is configuration.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { MAX_LINE } from './procfile';

export interface GunicornConf {
  /** The conf file sets `bind`, so the command must not. */
  binds: boolean;
  configPort: Fact<number> | null;
}

export function gunicornConf(ctx: AppContext): GunicornConf | undefined {
  const text = ctx.read('gunicorn.conf.py');
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_LINE || !/^bind[ \t]*=/.test(lines[i])) continue;
    // `bind = "0.0.0.0:8080"`, `bind = ["0.0.0.0:8080"]`, `bind = f"0.0.0.0:{os.getenv('PORT', '8080')}"`
    const m = /:(\d{2,5})\b/.exec(lines[i]) ?? /['"](\d{2,5})['"]/.exec(lines[i]);
    return { binds: true, configPort: m ? ctx.fact(Number(m[1]), 'gunicorn.conf.py', i + 1) : null };
  }
  return { binds: false, configPort: null };
}

/** `gunicorn target --bind 0.0.0.0:port`, without --bind when gunicorn.conf.py binds. */
export function gunicornCommand(target: string, port: number, conf: GunicornConf | undefined, extra = ''): string {
  return `gunicorn ${target}${conf?.binds ? '' : ` --bind 0.0.0.0:${port}`}${extra}`;
}
