// asdf/mise `.tool-versions`: one `tool version [fallback…]` per line; the first version is the one in use.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { leadingVersion } from './constraint';

export function toolVersionsFact(ctx: AppContext, tool: string): Fact<string> | undefined {
  const text = ctx.read('.tool-versions');
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const [name, version] = lines[i].replace(/#.*/, '').trim().split(/\s+/);
    if (name !== tool || !version) continue;
    const v = leadingVersion(version);
    if (v) return ctx.fact(v, '.tool-versions', i + 1);
  }
  return undefined;
}
