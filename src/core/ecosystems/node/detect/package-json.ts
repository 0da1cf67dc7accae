// A typed, forgiving view of package.json: fields of the wrong type are treated as absent, so a
// half-valid manifest still yields what it can instead of crashing the provider.
import { asRecord } from '../../../parse/structured';

export interface PackageJson {
  name?: string;
  main?: string;
  packageManager?: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: Record<string, string>;
  volta: Record<string, string>;
  /** `workspaces` as an array or `{ packages: [...] }` (yarn classic); undefined when not declared. */
  workspaces?: string[];
}

export function toPackageJson(value: unknown): PackageJson {
  const obj = asRecord(value) ?? {};
  return {
    name: str(obj.name),
    main: str(obj.main),
    packageManager: str(obj.packageManager),
    scripts: strings(obj.scripts),
    dependencies: strings(obj.dependencies),
    optionalDependencies: strings(obj.optionalDependencies),
    devDependencies: strings(obj.devDependencies),
    engines: strings(obj.engines),
    volta: strings(obj.volta),
    workspaces: workspacePatterns(obj.workspaces),
  };
}

/** Which dependency table declares `name` (production tables first), or undefined. */
export function declaredIn(pkg: PackageJson, name: string): 'dependencies' | 'optionalDependencies' | 'devDependencies' | undefined {
  if (Object.hasOwn(pkg.dependencies, name)) return 'dependencies';
  if (Object.hasOwn(pkg.optionalDependencies, name)) return 'optionalDependencies';
  if (Object.hasOwn(pkg.devDependencies, name)) return 'devDependencies';
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function strings(v: unknown): Record<string, string> {
  const obj = asRecord(v);
  // No prototype: keys such as `constructor` or `__proto__` in a hostile manifest stay plain data.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!obj) return out;
  for (const [k, val] of Object.entries(obj)) if (typeof val === 'string') out[k] = val;
  return out;
}

function workspacePatterns(v: unknown): string[] | undefined {
  const list = Array.isArray(v) ? v : asRecord(v)?.packages;
  if (!Array.isArray(list)) return undefined;
  return list.filter((p): p is string => typeof p === 'string');
}
