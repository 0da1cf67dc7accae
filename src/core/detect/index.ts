// detect(repo) → every deployable app in the tree. One listing of the tree, candidate folders found by
// marker files, the first matching provider (in registry order) profiles each, then cross-ecosystem facts
// (env vars, ports, services, native deps, existing artifacts) are added from what the provider reported.
// Providers are the ecosystem modules' `detect`, in registry order.
import type { RepoReader } from '../repo';
import { dirOf } from '../repo';
import type { AppProfile, DetectResult, Fact, Warning } from '../model';
import { AppContext } from './context';
import type { ProviderProfile } from './provider';
import type { EcosystemModule } from '../ecosystem';
import { ECOSYSTEM_MODULES } from '../ecosystems';
import { scanEnv } from './env';
import { scanHealthPath, scanPort } from './ports';
import { servicesFrom } from './services';
import { nativeDepsFrom } from './native';
import { findExisting } from './existing';

export function detect(repo: RepoReader, modules: readonly EcosystemModule[] = ECOSYSTEM_MODULES): DetectResult {
  const warnings: Warning[] = [];
  const files = repo.files();
  const candidates = candidateDirs(files, modules);
  // Folders that look like projects of their own are cut out of their parents' file lists; a marker that
  // is usually an asset of the parent app (a bare index.html) is not.
  const projectDirs = candidateDirs(files, modules.filter((m) => !m.markerIsAssetInsideApps));
  const apps: AppProfile[] = [];
  const appDirs: string[] = [];

  for (const dir of candidates) {
    const ctx = new AppContext(repo, dir, filesOf(files, dir, projectDirs), warnings);
    const topLevel = ctx.files.filter((f) => !f.includes('/'));
    for (const eco of modules) {
      if (eco.markerIsAssetInsideApps && appDirs.some((a) => isInside(dir, a))) break; // assets of an app, not a site
      const provider = eco.detect;
      if (!provider.markers.some((m) => topLevel.some((f) => matchesMarker(m, f)))) continue;
      if (!provider.matches(ctx)) continue;
      const profile = provider.profile(ctx);
      if (profile) {
        apps.push(enrich(ctx, eco, profile));
        appDirs.push(dir);
      }
      break;
    }
  }
  apps.sort((a, b) => (a.path === b.path ? 0 : a.path === '.' ? -1 : b.path === '.' ? 1 : a.path < b.path ? -1 : 1));
  return { root: repo.root, apps, warnings: [...repo.warnings, ...warnings] };
}

function enrich(ctx: AppContext, eco: EcosystemModule, p: ProviderProfile): AppProfile {
  const { configPort, defaultPort, dependencies, sourceExtensions, ...facts } = p;
  const sources = ctx.files.filter((f) => sourceExtensions.some((ext) => f.endsWith(ext)));
  const existing = findExisting(ctx);
  const exposed = existing.dockerfile?.expose[0];
  const exposedFact: Fact<number> | null = exposed ? ctx.fact(exposed.port, existing.dockerfile!.path, exposed.line) : null;
  const port = configPort ?? scanPort(ctx, sources) ?? exposedFact ?? defaultPort ?? null;
  const { name, runtimeVersion, packageManager, framework, build, start, ...extras } = facts;
  // Keys in the order of the published `detect --json` contract; additions follow.
  return {
    path: ctx.dir || '.',
    name,
    ecosystem: eco.id,
    runtimeVersion,
    packageManager,
    framework,
    build,
    start,
    port,
    env: scanEnv(ctx, sources),
    services: servicesFrom(eco.id, dependencies),
    nativeDeps: nativeDepsFrom(eco.id, dependencies),
    ...extras,
    ...withHealthPath(facts.healthPath ?? scanHealthPath(ctx, sources)),
    ...(Object.keys(existing).length ? { existing } : {}),
  };
}

/** `healthPath` is only printed when known, so apps without one keep the published JSON shape. */
function withHealthPath(healthPath: Fact<string> | null): { healthPath?: Fact<string> } {
  return healthPath ? { healthPath } : {};
}

/** Folders holding at least one marker file of any provider, shallowest first. */
function candidateDirs(files: readonly string[], modules: readonly EcosystemModule[]): string[] {
  const dirs = new Set<string>();
  const markers = modules.flatMap((m) => m.detect.markers);
  // Exact names are looked up in a set; only pattern markers are tried one by one.
  const names = new Set(markers.filter((m): m is string => typeof m === 'string'));
  const patterns = markers.filter((m): m is RegExp => typeof m !== 'string');
  for (const f of files) {
    const base = f.slice(f.lastIndexOf('/') + 1);
    if (names.has(base) || patterns.some((m) => m.test(base))) dirs.add(dirOf(f));
  }
  return [...dirs].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Files under `dir`, relative to it, leaving out those under deeper candidate folders (other apps).
 * `files` is sorted, so a folder's files are one contiguous run: found by binary search, and a nested
 * app's run is skipped in one jump.
 */
function filesOf(files: readonly string[], dir: string, candidates: string[]): string[] {
  const nested = candidates.filter((c) => c !== dir && isInside(c, dir)).map((c) => c + '/');
  const prefix = dir ? dir + '/' : '';
  const out: string[] = [];
  for (let i = prefix ? lowerBound(files, prefix) : 0; i < files.length; ) {
    const f = files[i];
    if (prefix && !f.startsWith(prefix)) break;
    const inner = nested.length ? nested.find((n) => f.startsWith(n)) : undefined;
    if (inner) {
      i = lowerBound(files, inner.slice(0, -1) + '0'); // '0' follows '/': the first path past `inner`
      continue;
    }
    out.push(f.slice(prefix.length));
    i++;
  }
  return out;
}

/** First index whose entry is not less than `key` (UTF-16 order, as Array.prototype.sort() orders). */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matchesMarker(marker: string | RegExp, base: string): boolean {
  return typeof marker === 'string' ? marker === base : marker.test(base);
}

function isInside(dir: string, ancestor: string): boolean {
  return ancestor === '' ? dir !== '' : dir.startsWith(ancestor + '/');
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
