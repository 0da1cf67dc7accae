// Rocket reads its port from Rocket.toml: the `[release]` profile (what a production build runs with),
// else `[default]`, else `[global]`.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { asRecord } from '../../../parse/structured';

export function rocketConfigPort(ctx: AppContext): Fact<number> | null {
  const toml = ctx.toml('Rocket.toml');
  if (!toml) return null;
  for (const profile of ['release', 'default', 'global']) {
    const port = asRecord(toml[profile])?.port;
    if (typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536) return ctx.fact(port, 'Rocket.toml', `${profile}.port`);
  }
  return null;
}
