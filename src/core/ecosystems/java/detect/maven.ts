// What Parity reads from a pom.xml, each value with the line it sits on (pom facts are `pom.xml:N`).
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import type { Dependency } from '../../../detect/provider';
import { posix } from 'node:path';
import { parseXml } from '../../../parse/structured';
import { dirOf, join } from '../../../repo';
import { parseXmlTree, at, kids, type XmlNode } from './xml-tree';
import { normalizeJavaVersion } from './version';
import { frameworkOf, SPRING_BOOT, type JavaFramework } from './frameworks';

export interface MavenFacts {
  artifactId?: Fact<string>;
  version?: string;
  packaging: string;
  finalName?: string;
  javaVersion: Fact<string> | null;
  framework?: { fw: JavaFramework; fact: Fact<string> };
  dependencies: Dependency[];
}

export function readPom(ctx: AppContext): MavenFacts | undefined {
  if (!ctx.xml('pom.xml')) return undefined; // malformed: warned by ctx.xml()
  const project = at(parseXmlTree(ctx.read('pom.xml') ?? ''), 'project');
  if (!project) {
    ctx.warn('pom.xml', 'no <project> element');
    return undefined;
  }
  const props = new Map([...parentProperties(ctx, project), ...properties(project)]);
  const resolve = (node: XmlNode | undefined) => (node ? resolved(node, props) : undefined);
  const artifact = at(project, 'artifactId');
  const deps = dependencies(project);
  return {
    artifactId: artifact?.text ? ctx.fact(artifact.text, 'pom.xml', artifact.line) : undefined,
    version: resolve(at(project, 'version') ?? at(project, 'parent', 'version'))?.text,
    packaging: at(project, 'packaging')?.text || 'jar',
    finalName: resolve(at(project, 'build', 'finalName'))?.text,
    javaVersion: javaVersion(ctx, project, props),
    framework: framework(ctx, project, deps),
    dependencies: deps.filter((d) => d.scope !== 'test').map((d) => ({ name: d.name, source: `${ctx.rel('pom.xml')}:${d.line}` })),
  };
}

function properties(project: XmlNode): Map<string, XmlNode> {
  return new Map((at(project, 'properties')?.children ?? []).map((p) => [p.name, p]));
}

/** File (relative to the scanned root) of property nodes that come from a parent pom. */
const ORIGIN = new WeakMap<XmlNode, string>();

/**
 * Properties inherited from local parent poms (`<relativePath>`, default `../pom.xml`), nearest last so
 * it overrides. A parent resolved from a repository (`<relativePath/>`) is not read.
 */
function parentProperties(ctx: AppContext, project: XmlNode): Map<string, XmlNode> {
  const chain: Map<string, XmlNode>[] = [];
  let cur = project;
  let dir = ctx.dir;
  for (let depth = 0; depth < 5; depth++) {
    const parent = at(cur, 'parent');
    const relativePath = at(parent, 'relativePath');
    if (!parent || (relativePath && !relativePath.text)) break;
    let file = posix.normalize(join(dir, relativePath?.text || '..'));
    if (!file.endsWith('.xml')) file = join(file === '.' ? '' : file, 'pom.xml');
    if (file.startsWith('../')) break;
    const text = ctx.repo.readText(file);
    if (text === undefined || !parseXml(text).ok) break;
    const parentProject = at(parseXmlTree(text), 'project');
    if (!parentProject || at(parentProject, 'artifactId')?.text !== at(parent, 'artifactId')?.text) break;
    const props = properties(parentProject);
    for (const node of props.values()) ORIGIN.set(node, file);
    chain.unshift(props);
    cur = parentProject;
    dir = dirOf(file);
  }
  return new Map(chain.flatMap((m) => [...m]));
}

/** Follows `${prop}` references to the property that holds the value (and its line). */
function resolved(node: XmlNode, props: Map<string, XmlNode>, depth = 0): XmlNode | undefined {
  const ref = node.text.match(/^\$\{([^}]+)\}$/);
  if (!ref) return node;
  const target = props.get(ref[1]);
  return target && depth < 10 ? resolved(target, props, depth + 1) : undefined;
}

/**
 * Precedence: the compiler plugin's `<release>`, `maven.compiler.release`, `java.version` (Spring Boot's
 * parent turns it into the release), then target, then source levels.
 */
function javaVersion(ctx: AppContext, project: XmlNode, props: Map<string, XmlNode>): Fact<string> | null {
  const compiler = (at(project, 'build', 'plugins')?.children ?? []).find((p) => at(p, 'artifactId')?.text === 'maven-compiler-plugin');
  const conf = at(compiler, 'configuration');
  const candidates = [
    at(conf, 'release'), props.get('maven.compiler.release'), props.get('java.version'),
    at(conf, 'target'), props.get('maven.compiler.target'), at(conf, 'source'), props.get('maven.compiler.source'),
  ];
  for (const c of candidates) {
    const node = c && resolved(c, props);
    const v = node && normalizeJavaVersion(node.text);
    if (node && v) return { value: v, source: `${ORIGIN.get(node) ?? ctx.rel('pom.xml')}:${node.line}` };
  }
  return null;
}

interface PomDependency { name: string; scope?: string; line: number }

function dependencies(project: XmlNode): PomDependency[] {
  return kids(at(project, 'dependencies'), 'dependency').flatMap((d) => {
    const g = at(d, 'groupId')?.text;
    const a = at(d, 'artifactId');
    return g && a?.text ? [{ name: `${g}:${a.text}`, scope: at(d, 'scope')?.text, line: a.line }] : [];
  });
}

/** Spring Boot parent, then a framework BOM import or plugin, then the first framework dependency. */
function framework(ctx: AppContext, project: XmlNode, deps: PomDependency[]): MavenFacts['framework'] {
  const coord = (n: XmlNode | undefined) => (n ? `${at(n, 'groupId')?.text ?? ''}:${at(n, 'artifactId')?.text ?? ''}` : '');
  const parent = at(project, 'parent');
  if (parent && coord(parent) === 'org.springframework.boot:spring-boot-starter-parent') {
    return { fw: SPRING_BOOT, fact: ctx.fact(SPRING_BOOT.name, 'pom.xml', at(parent, 'artifactId')!.line) };
  }
  const managed = kids(at(project, 'dependencyManagement', 'dependencies'), 'dependency');
  const plugins = kids(at(project, 'build', 'plugins'), 'plugin');
  for (const n of [...managed, ...plugins]) {
    const fw = frameworkOf(coord(n));
    if (fw) return { fw, fact: ctx.fact(fw.name, 'pom.xml', at(n, 'artifactId')?.line ?? n.line) };
  }
  for (const d of deps) {
    const fw = d.scope !== 'test' ? frameworkOf(d.name) : undefined;
    if (fw) return { fw, fact: ctx.fact(fw.name, 'pom.xml', d.line) };
  }
  return undefined;
}
