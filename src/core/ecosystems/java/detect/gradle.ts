// What Parity reads from build.gradle / build.gradle.kts and settings.gradle(.kts): line by line, since
// both DSLs are programs; the common declarative forms are recognised, each fact is `file:line`.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import type { Dependency } from '../../../detect/provider';
import { normalizeJavaVersion } from './version';
import { frameworkOf, type JavaFramework } from './frameworks';
import { join } from '../../../repo';

export interface GradleFacts {
  buildFile: string;
  projectName?: Fact<string>;
  version?: string;
  javaVersion: Fact<string> | null;
  framework?: { fw: JavaFramework; fact: Fact<string> };
  applicationPlugin: boolean;
  libraryPlugin: boolean;
  dependencies: Dependency[];
}

const PROD_CONFIGURATIONS = 'implementation|api|runtimeOnly|compile|runtime';
const DEPENDENCY = new RegExp(`^\\s*(?:${PROD_CONFIGURATIONS})\\s*\\(?\\s*["']([^"':\\s]+):([^"':\\s]+)(?::[^"']*)?["']`);

export function readGradle(ctx: AppContext): GradleFacts | undefined {
  const buildFile = ['build.gradle.kts', 'build.gradle'].find((f) => ctx.has(f));
  if (!buildFile) return undefined;
  const facts = parseGradleBuild(ctx.read(buildFile) ?? '', ctx.rel(buildFile));
  facts.buildFile = buildFile;
  facts.projectName = rootProjectName(ctx);
  const root = facts.version && facts.javaVersion ? undefined : rootBuild(ctx);
  // A subproject inherits what the root build sets for all projects (`allprojects { version = … }`).
  facts.version ??= root?.version;
  facts.javaVersion ??= root?.javaVersion ?? null;
  return facts;
}

/** One build script's facts; `file` is relative to the scanned root and used in every source. */
export function parseGradleBuild(text: string, file: string): GradleFacts {
  const at = (value: string, n: number): Fact<string> => ({ value, source: `${file}:${n}` });
  const facts: GradleFacts = { buildFile: file, javaVersion: null, applicationPlugin: false, libraryPlugin: false, dependencies: [] };
  let toolchain: Fact<string> | undefined;
  let target: Fact<string> | undefined;
  let source: Fact<string> | undefined;
  let inPlugins = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '');
    const n = i + 1;
    const opensPlugins = /^\s*plugins\s*\{/.test(line);
    if (opensPlugins) inPlugins = !line.includes('}');
    else if (inPlugins && /^\s*\}/.test(line)) inPlugins = false;

    for (const pluginId of pluginIds(line, inPlugins)) {
      const coordinate = pluginId === 'org.springframework.boot' ? 'org.springframework.boot:plugin'
        : pluginId === 'io.quarkus' ? 'io.quarkus:plugin' : pluginId.startsWith('io.micronaut.application') ? 'io.micronaut:plugin' : '';
      const fw = coordinate ? frameworkOf(coordinate) : undefined;
      if (fw && !facts.framework) facts.framework = { fw, fact: at(fw.name, n) };
      if (pluginId === 'application') facts.applicationPlugin = true;
      if (pluginId === 'java-library') facts.libraryPlugin = true;
    }

    const tc = line.match(/JavaLanguageVersion\.of\(\s*["']?(\d+)["']?\s*\)|jvmToolchain\(\s*(\d+)\s*\)/);
    if (tc && !toolchain) toolchain = at(tc[1] ?? tc[2], n);
    const compat = line.match(/^\s*(?:java\.)?(source|target)Compatibility\s*=\s*(.+?)\s*$/);
    const compatVersion = compat && normalizeJavaVersion(compat[2]);
    if (compat && compatVersion) {
      if (compat[1] === 'target' && !target) target = at(compatVersion, n);
      if (compat[1] === 'source' && !source) source = at(compatVersion, n);
    }
    const version = line.match(/^\s*version\s*=\s*["']([^"']+)["']/);
    if (version && !facts.version) facts.version = version[1];

    const dep = line.match(DEPENDENCY);
    if (dep) {
      const name = `${dep[1]}:${dep[2]}`;
      facts.dependencies.push({ name, source: `${file}:${n}` });
      const fw = frameworkOf(name);
      if (fw && !facts.framework) facts.framework = { fw, fact: at(fw.name, n) };
    }
  });
  facts.javaVersion = toolchain ?? target ?? source ?? null;
  return facts;
}

/** The root build script of the multi-project build this project belongs to (settings file above it). */
function rootBuild(ctx: AppContext): GradleFacts | undefined {
  const dir = gradleRootDir(ctx);
  if (dir === undefined) return undefined;
  for (const name of ['build.gradle.kts', 'build.gradle']) {
    const file = join(dir, name);
    const text = ctx.repo.readText(file);
    if (text !== undefined) return parseGradleBuild(text, file);
  }
  return undefined;
}

/** Nearest folder above the project holding a settings.gradle(.kts), if any. */
export function gradleRootDir(ctx: AppContext): string | undefined {
  let dir = ctx.dir;
  while (dir) {
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    if (['settings.gradle', 'settings.gradle.kts'].some((f) => ctx.repo.exists(join(dir, f)))) return dir;
  }
  return undefined;
}

/**
 * Plugin ids applied on a line: `id 'x'` / `id("x")` anywhere, `apply plugin: 'x'`, and bare core plugin
 * names (`application`, `` `java-library` ``) inside a plugins block, including a one-line `plugins { … }`.
 */
function pluginIds(line: string, inPluginsBlock: boolean): string[] {
  const ids = [...line.matchAll(/\bid\s*\(?\s*["']([\w.-]+)["']/g), ...line.matchAll(/\bapply\s+plugin:\s*["']([\w.-]+)["']/g)].map((m) => m[1]);
  const oneLine = line.match(/^\s*plugins\s*\{([^}]*)\}/);
  const body = oneLine ? oneLine[1] : inPluginsBlock ? line : '';
  for (const part of body.split(/[;\n]/)) {
    const bare = part.trim().match(/^`?([a-z][\w-]*)`?$/);
    if (bare) ids.push(bare[1]);
  }
  return ids;
}

function rootProjectName(ctx: AppContext): Fact<string> | undefined {
  for (const file of ['settings.gradle.kts', 'settings.gradle']) {
    const text = ctx.read(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^\s*rootProject\.name\s*=\s*["']([^"']+)["']/);
      if (m) return ctx.fact(m[1], file, i + 1);
    }
  }
  return undefined;
}
