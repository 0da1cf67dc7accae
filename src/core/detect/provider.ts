// The interface every ecosystem implements. A provider looks only at its own project files; facts that
// cut across ecosystems (env vars, ports in code, services, native deps) are filled in by detect/index.ts
// from what the provider reports.
import type { AppContext } from './context';
import type { AppProfile, Ecosystem, Fact } from '../model';

/** A declared dependency, e.g. `{ name: "pg", source: "package.json > dependencies.pg" }`. */
export interface Dependency { name: string; source: string }

export type ProviderProfile = Omit<AppProfile, 'path' | 'ecosystem' | 'env' | 'services' | 'nativeDeps' | 'port'> & {
  /** Port from explicit configuration (`server.port`, `ASPNETCORE_URLS`…): beats what code scanning finds. */
  configPort?: Fact<number> | null;
  /** Port the framework listens on when nothing says otherwise: used only when nothing else is found. */
  defaultPort?: Fact<number> | null;
  dependencies: Dependency[];
  /** File extensions of the app's own sources, scanned for env vars and ports (e.g. ['.js', '.ts']). */
  sourceExtensions: string[];
};

export interface Provider {
  readonly id: Ecosystem;
  /** Marker file names that make a folder a candidate for this provider (exact names or RegExps). */
  readonly markers: (string | RegExp)[];
  /** Does this folder belong to this ecosystem? Called only on folders holding a marker. */
  matches(ctx: AppContext): boolean;
  /** The app's facts, or null when the folder is a library or a workspace root that is not itself deployable. */
  profile(ctx: AppContext): ProviderProfile | null;
}

/**
 * Wraps a profile builder so it runs once per folder: providers whose `matches` needs the whole profile
 * (is there an entry point?) and whose `profile` returns it share the one result.
 */
export function oncePerFolder(build: (ctx: AppContext) => ProviderProfile | null): (ctx: AppContext) => ProviderProfile | null {
  const profiles = new WeakMap<AppContext, ProviderProfile | null>();
  return (ctx) => {
    let profile = profiles.get(ctx);
    if (profile === undefined) {
      profile = build(ctx);
      profiles.set(ctx, profile);
    }
    return profile;
  };
}
