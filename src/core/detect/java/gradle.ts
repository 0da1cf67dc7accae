// What Parity reads from build.gradle / build.gradle.kts and settings.gradle(.kts): line by line, since
// both DSLs are programs; the common declarative forms are recognised, each fact is `file:line`.
import type { AppContext } from '../context';
import type { Fact } from '../../model';
import type { Dependency } from '../provider';
import { normalizeJavaVersion } from './version';
import { frameworkOf, type JavaFramework } from './frameworks';

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
const PLUGIN_ID = /^\s*(?:id\s*\(?\s*["']([\w.-]+)["']|apply\s+plugin:\s*["']([\w.-]+)["']|`?([\w-]+)`?\s*$)/;

export function readGradle(ctx: AppContext): GradleFacts | undefined {
  const buildFile = ['build.gradle.kts', 'build.gradle'].find((f) => ctx.has(f));
  if (!buildFile) return undefined;
  const lines = (ctx.read(buildFile) ?? '').split('\n');
  const facts: GradleFacts = { buildFile, javaVersion: null, applicationPlugin: false, libraryPlugin: false, dependencies: [] };
  let toolchain: Fact<string> | undefined;
  let target: Fact<string> | undefined;
  let source: Fact<string> | undefined;
  let inPlugins = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '');
    const n = i + 1;
    if (/^\s*plugins\s*\{/.test(line)) inPlugins = true;
    else if (inPlugins && /^\s*\}/.test(line)) inPlugins = false;

    const plugin = line.match(PLUGIN_ID);
    const pluginId = plugin && (plugin[1] ?? plugin[2] ?? (inPlugins ? plugin[3] : undefined));
    if (pluginId === 'org.springframework.boot' || pluginId === 'io.quarkus' || pluginId?.startsWith('io.micronaut.application')) {
      const fw = frameworkOf(pluginId === 'org.springframework.boot' ? 'org.springframework.boot:plugin' : pluginId === 'io.quarkus' ? 'io.quarkus:plugin' : 'io.micronaut:plugin');
      if (fw && !facts.framework) facts.framework = { fw, fact: ctx.fact(fw.name, buildFile, n) };
    }
    if (pluginId === 'application') facts.applicationPlugin = true;
    if (pluginId === 'java-library') facts.libraryPlugin = true;

    const tc = line.match(/JavaLanguageVersion\.of\(\s*["']?(\d+)["']?\s*\)|jvmToolchain\(\s*(\d+)\s*\)/);
    if (tc && !toolchain) toolchain = ctx.fact(tc[1] ?? tc[2], buildFile, n);
    const compat = line.match(/^\s*(?:java\.)?(source|target)Compatibility\s*=\s*(.+?)\s*$/);
    const compatVersion = compat && normalizeJavaVersion(compat[2]);
    if (compat && compatVersion) {
      if (compat[1] === 'target' && !target) target = ctx.fact(compatVersion, buildFile, n);
      if (compat[1] === 'source' && !source) source = ctx.fact(compatVersion, buildFile, n);
    }
    const version = line.match(/^\s*version\s*=\s*["']([^"']+)["']/);
    if (version && !facts.version) facts.version = version[1];

    const dep = line.match(DEPENDENCY);
    if (dep) {
      const name = `${dep[1]}:${dep[2]}`;
      facts.dependencies.push({ name, source: `${ctx.rel(buildFile)}:${n}` });
      const fw = frameworkOf(name);
      if (fw && !facts.framework) facts.framework = { fw, fact: ctx.fact(fw.name, buildFile, n) };
    }
  });
  facts.javaVersion = toolchain ?? target ?? source ?? null;
  facts.projectName = rootProjectName(ctx);
  return facts;
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
