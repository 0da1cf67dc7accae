// The Go version an app builds with. `toolchain go1.22.3` names the exact toolchain the module asks for
// and wins over `go 1.22`, which (since Go 1.21) is only the minimum language version.
import type { AppContext } from '../context';
import type { Fact } from '../../model';
import type { GoMod } from './gomod';

export function goVersion(ctx: AppContext, mod: GoMod): Fact<string> | null {
  const toolchain = mod.toolchain?.version.match(/^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)$/);
  if (toolchain && mod.toolchain) return ctx.fact(toolchain[1], 'go.mod', mod.toolchain.line);
  const go = mod.go?.version.match(/^\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?$/);
  if (go && mod.go) return ctx.fact(go[0], 'go.mod', mod.go.line);
  return null;
}
