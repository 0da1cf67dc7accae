// Binaries of a package, the way Cargo finds them: `[[bin]]` targets, `src/main.rs` (named after the
// package) and `src/bin/<name>.rs` / `src/bin/<name>/main.rs`. The deployed one is `default-run`, else the
// bin named like the package, else the first found.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { asString } from '../../../parse/structured';
import type { CargoManifest } from './manifest';

export function findBins(ctx: AppContext, m: CargoManifest, packageName: string): Fact<string>[] {
  const bins: Fact<string>[] = [];
  const add = (f: Fact<string>) => {
    if (!bins.some((b) => b.value === f.value)) bins.push(f);
  };
  m.bins.forEach((b, i) => {
    const name = b.name ?? packageName;
    if (b.path || b.name) add(ctx.fact(name, 'Cargo.toml', `bin[${i}].name`));
  });
  const auto = m.package?.autobins !== false;
  if (auto && ctx.has('src/main.rs')) add(ctx.fact(packageName, 'src/main.rs'));
  if (auto) {
    for (const f of ctx.files) {
      const one = f.match(/^src\/bin\/([^/]+)\.rs$/);
      const dir = f.match(/^src\/bin\/([^/]+)\/main\.rs$/);
      const name = one?.[1] ?? dir?.[1];
      if (name) add(ctx.fact(name, f));
    }
  }
  return bins;
}

export function pickBin(ctx: AppContext, m: CargoManifest, bins: Fact<string>[], packageName: string): Fact<string> | undefined {
  const defaultRun = asString(m.package?.['default-run']);
  if (defaultRun && bins.some((b) => b.value === defaultRun)) return ctx.fact(defaultRun, 'Cargo.toml', 'package.default-run');
  return bins.find((b) => b.value === packageName) ?? bins[0];
}
