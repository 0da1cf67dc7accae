// Runtime versions the project pins, read by each ecosystem module's one pin reader (the same one
// detection uses), and the runtime version a base image tag implies (`node:20-alpine` → node 20). Both
// keep their source for evidence.
import type { Ecosystem } from '../model';
import { ECOSYSTEMS } from '../model';
import { ECOSYSTEM_MODULES, moduleOf } from '../ecosystems';
import type { RuntimePin } from '../pins';

export type { RuntimePin } from '../pins';
export { pinFloor } from '../pins';
export type Runtime = Ecosystem;

/** Every pin of the app in `dir`, ecosystem by ecosystem (in id order), each module's in its precedence order. */
export function readPins(read: (file: string) => string | undefined, dir: string): RuntimePin[] {
  return ECOSYSTEMS.flatMap((id) => moduleOf(id).pins(read, dir));
}

/** The ecosystem whose images are published under this repository name (`node`, `library/golang`…). */
export function runtimeOfRepository(name: string): Ecosystem | undefined {
  const base = name.toLowerCase().slice(name.lastIndexOf('/') + 1);
  return ECOSYSTEM_MODULES.find((m) => m.images.repositories.includes(base))?.id;
}

/** Runtime and version a base image tag implies: `node:20.11-alpine` → node 20.11; undefined if unknown. */
export function runtimeOfImage(ref: string): { runtime: Ecosystem; version: string } | undefined {
  const clean = ref.split('@')[0];
  const slash = clean.lastIndexOf('/');
  const colon = clean.lastIndexOf(':');
  if (colon <= slash) return undefined;
  const runtime = runtimeOfRepository(clean.slice(0, colon));
  if (!runtime) return undefined;
  const v = /^(\d+(?:\.\d+){0,2})/.exec(clean.slice(colon + 1))?.[1];
  return v ? { runtime, version: v } : undefined;
}

/** The part of a version that must agree (node, java, dotnet: major; python, go, ruby, php: major.minor). */
export function significant(runtime: Ecosystem, version: string): string {
  return version.split('.').slice(0, moduleOf(runtime).images.agreeParts).join('.');
}
