// Does the module need cgo (a C toolchain at build time, libc at run time)? Either its own code has
// `import "C"`, or it requires a module that does.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import type { GoMod } from './gomod';
import { goSources } from './mains';

/** Modules that cannot build with CGO_ENABLED=0. */
const CGO_MODULES = [
  'github.com/mattn/go-sqlite3',
  'github.com/confluentinc/confluent-kafka-go',
  'github.com/mattn/go-oci8',
  'github.com/godror/godror',
  'github.com/tecbot/gorocksdb',
  'github.com/linxGnu/grocksdb',
  'gopkg.in/gographics/imagick.v3',
];

export function cgoUse(ctx: AppContext, mod: GoMod): Fact<boolean> {
  for (const file of goSources(ctx)) {
    if (!ctx.read(file)?.includes('"C"')) continue; // cheap filter before splitting into lines
    const line = ctx.lineOf(file, /^\s*import\s+"C"\s*(\/\/.*)?$/);
    if (line) return ctx.fact(true, file, line);
  }
  const dep = mod.requires.find((r) => CGO_MODULES.some((m) => r.path === m || r.path.startsWith(m + '/')));
  if (dep) return ctx.fact(true, 'go.mod', dep.line);
  return { value: false, source: 'default (no import "C" and no cgo-only module required)' };
}
