// The Go version an app builds with. `toolchain go1.22.3` names the exact toolchain the module asks for
// and wins over `go 1.22`, which (since Go 1.21) is only the minimum language version.
import type { GoMod } from './gomod';

const VERSION = /^\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?$/;

/** The version a go.mod or go.work asks for and its line, or undefined when it names none. */
export function goVersion(mod: GoMod): { value: string; line: number } | undefined {
  const toolchain = mod.toolchain?.version.replace(/^go/, '');
  if (mod.toolchain && toolchain && mod.toolchain.version.startsWith('go') && VERSION.test(toolchain)) return { value: toolchain, line: mod.toolchain.line };
  if (mod.go && VERSION.test(mod.go.version)) return { value: mod.go.version, line: mod.go.line };
  return undefined;
}

/** What is wrong with a go.mod/go.work's `go` and `toolchain` lines (the go command refuses such a file). */
export function versionProblems(mod: GoMod): string[] {
  const problems: string[] = [];
  if (mod.go && !VERSION.test(mod.go.version)) problems.push(`line ${mod.go.line}: go directive "${mod.go.version.slice(0, 40)}" is not a Go version (expected e.g. go 1.22)`);
  const t = mod.toolchain;
  if (t && t.version !== 'default' && !(t.version.startsWith('go') && VERSION.test(t.version.slice(2)))) {
    problems.push(`line ${t.line}: toolchain directive "${t.version.slice(0, 40)}" is not a Go toolchain (expected e.g. toolchain go1.22.3)`);
  }
  return problems;
}
