// Modules of a multi-module build cannot be built alone: a Maven module needs its reactor (`-pl <module>
// -am` from the aggregator pom, so sibling modules it uses are built first), a Gradle subproject needs the
// build's root (settings file, wrapper). Commands stay runnable from the module's own folder by pointing
// at the root with relative paths (`../mvnw -f ../pom.xml …`, `../gradlew …`).
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { join } from '../../../repo';
import { parseXml } from '../../../parse/structured';
import { parseXmlTree, at, kids } from './xml-tree';
import { gradleRootDir } from './gradle';

export interface Reactor {
  /** Aggregator folder relative to the scanned root. */
  dir: string;
  /** Path from the module up to the aggregator: `../` or `../../`. */
  up: string;
  /** This module's path as the aggregator lists it, e.g. `services/api`. */
  modulePath: string;
  /** Where the aggregator lists the module (`pom.xml:12`). */
  source: string;
  wrapper: boolean;
}

export function mavenReactor(ctx: AppContext): Reactor | undefined {
  let found: Reactor | undefined;
  let target = ctx.dir;
  for (const dir of parents(ctx.dir)) {
    const pomPath = join(dir, 'pom.xml');
    const text = ctx.repo.readText(pomPath);
    if (text === undefined || !parseXml(text).ok) break;
    const project = at(parseXmlTree(text), 'project');
    const entry = kids(at(project, 'modules'), 'module').find((m) => join(dir, clean(m.text)) === target);
    if (!entry) break;
    found = { dir, up: up(ctx.dir, dir), modulePath: rel(ctx.dir, dir), source: `${pomPath}:${entry.line}`, wrapper: ctx.repo.exists(join(dir, 'mvnw')) };
    target = dir; // an aggregator may itself be a module of an outer one
  }
  return found;
}

/** The Gradle wrapper of the build's root, when this project is a subproject without one of its own. */
export function rootGradleWrapper(ctx: AppContext): Fact<string> | undefined {
  const dir = gradleRootDir(ctx);
  if (dir === undefined) return undefined;
  return ctx.repo.exists(join(dir, 'gradlew')) ? { value: up(ctx.dir, dir) + 'gradlew', source: join(dir, 'gradlew') } : undefined;
}

function clean(module: string): string {
  return module.trim().replace(/^\.\//, '').replace(/\/+$/, '');
}

function parents(dir: string): string[] {
  const out: string[] = [];
  let cur = dir;
  while (cur) {
    cur = cur.includes('/') ? cur.slice(0, cur.lastIndexOf('/')) : '';
    out.push(cur);
  }
  return out;
}

function up(dir: string, ancestor: string): string {
  return '../'.repeat(dir.split('/').length - (ancestor ? ancestor.split('/').length : 0));
}

function rel(dir: string, ancestor: string): string {
  return ancestor ? dir.slice(ancestor.length + 1) : dir;
}
