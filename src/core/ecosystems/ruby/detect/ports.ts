// Ports set in Ruby server configuration: Puma's `port ENV.fetch("PORT") { 3000 }` / `bind "tcp://…:3000"`
// in config/puma.rb, and Sinatra's `set :port, 8080`. Both are explicit configuration (they beat code scans).
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';

export function pumaPort(ctx: AppContext): Fact<number> | null {
  return firstPort(ctx, 'config/puma.rb', [/^\s*port\b(.*)$/, /^\s*bind\s+['"](?:tcp|ssl):\/\/[^'"]*?:(\d{2,5})\b/]);
}

export function sinatraPort(ctx: AppContext, file: string): Fact<number> | null {
  return firstPort(ctx, file, [/^\s*set\s+:port\s*,(.*)$/]);
}

function firstPort(ctx: AppContext, file: string, patterns: RegExp[]): Fact<number> | null {
  const text = ctx.read(file);
  if (text === undefined) return null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    for (const re of patterns) {
      const m = re.exec(lines[i]);
      const port = m ? /\b(\d{2,5})\b/.exec(m[1])?.[1] : undefined;
      if (port && Number(port) < 65536) return ctx.fact(Number(port), file, i + 1);
    }
  }
  return null;
}
