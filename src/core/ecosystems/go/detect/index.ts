// Go: a module (go.mod) with a main package is an app; a module without one is a library, and a go.work
// root is only a workspace (its modules are detected as apps of their own; their Go version is go.work's).
// Build/start follow a two-stage image: `go build -o /out/<bin> ./cmd/<bin>` in the build stage, the
// binary copied to `/app/<bin>` in the runtime stage, started as `/app/<bin>`.
// Dependencies are every `require` of go.mod, indirect ones included: a driver pulled in by an ORM
// (pgx under gorm.io/driver/postgres, go-sqlite3 under gorm's sqlite driver) is still a service or a
// cgo dependency of the app.
import type { Provider, ProviderProfile } from '../../../detect/provider';
import type { AppContext } from '../../../detect/context';
import { parseGoMod, moduleBaseName, type GoMod } from './gomod';
import { goVersion, versionProblems } from './version';
import { workspaceGoVersion } from './workspace';
import { findMains, pickMain } from './mains';
import { cgoUse } from './cgo';
import { goFramework } from './frameworks';
import { defaultFact } from '../../../detect/context';
import { folderName } from '../../static/detect/folder-name';
import type { Fact } from '../../../model';

export const provider: Provider = {
  id: 'go',
  markers: ['go.mod', 'go.work'],
  matches: (ctx) => !/(^|\/)testdata(\/|$)/.test(ctx.dir),
  profile,
};

function profile(ctx: AppContext): ProviderProfile | null {
  // A go.work is checked by the folder that holds it, so its problems are reported once, not per module.
  if (ctx.has('go.work')) warnProblems(ctx, 'go.work', parseGoMod(ctx.read('go.work') ?? ''));
  if (!ctx.has('go.mod')) return null; // a go.work root without a module of its own
  const mod = parseGoMod(ctx.read('go.mod') ?? '');
  warnProblems(ctx, 'go.mod', mod);
  if (!mod.module) ctx.warn('go.mod', 'no module directive');
  const name = mod.module ? moduleBaseName(mod.module.path) : folderName(ctx, 'app');
  const main = pickMain(findMains(ctx), [name, folderName(ctx, name)]);
  if (!main) return null; // a library module
  const bin = main.dir ? main.dir.slice('cmd/'.length) : name;
  const pkg = main.dir ? `./${main.dir}` : '.';
  const fw = goFramework(mod.requires);
  return {
    name,
    runtimeVersion: workspaceGoVersion(ctx) ?? moduleVersion(ctx, mod),
    packageManager: ctx.fact('go', 'go.mod'),
    framework: fw ? ctx.fact(fw.name, 'go.mod', fw.require.line) : null,
    build: ctx.fact(`go build -o /out/${bin} ${pkg}`, main.file, main.line),
    start: ctx.fact(`/app/${bin}`, main.file, main.line),
    lockfile: ctx.has('go.sum') ? ctx.fact('go.sum', 'go.sum') : null,
    cgo: cgoUse(ctx, mod),
    binary: ctx.fact(bin, main.file, main.line),
    defaultPort: fw?.defaultPort ? defaultFact(fw.defaultPort, `${fw.name} listens on ${fw.defaultPort}`) : null,
    dependencies: mod.requires.map((r) => ({ name: r.path, source: `${ctx.rel('go.mod')}:${r.line}` })),
    sourceExtensions: ['.go'],
  };
}

function warnProblems(ctx: AppContext, file: string, mod: GoMod): void {
  for (const p of [...mod.problems, ...versionProblems(mod)]) ctx.warn(file, p);
}

function moduleVersion(ctx: AppContext, mod: GoMod): Fact<string> | null {
  const v = goVersion(mod);
  return v ? ctx.fact(v.value, 'go.mod', v.line) : null;
}
