// The parts of Cargo.toml Parity reads, typed loosely: any of them may be missing or of the wrong type.
import { asRecord, asString } from '../../../parse/structured';

export interface CargoManifest {
  package?: Record<string, unknown>;
  workspace?: Record<string, unknown>;
  bins: { name?: string; path?: string }[];
  dependencies: Record<string, unknown>;
}

export function readManifest(toml: Record<string, unknown>): CargoManifest {
  const bins = Array.isArray(toml.bin) ? toml.bin.map(asRecord).filter((b) => b !== undefined) : [];
  return {
    package: asRecord(toml.package),
    workspace: asRecord(toml.workspace),
    bins: bins.map((b) => ({ name: asString(b.name), path: asString(b.path) })),
    dependencies: asRecord(toml.dependencies) ?? {},
  };
}

/** Crate name behind a dependency key (`pg = { package = "tokio-postgres" }` → tokio-postgres). */
export function crateName(key: string, spec: unknown): string {
  return asString(asRecord(spec)?.package) ?? key;
}
