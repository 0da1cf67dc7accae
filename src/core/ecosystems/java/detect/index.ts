// Java/Kotlin on the JVM: Maven (pom.xml) or Gradle (Groovy or Kotlin DSL). A module is an app when its
// production sources have a `main` (every Spring Boot app does) or it packages a war; aggregator poms and
// library modules are not apps. The start command runs the artifact the build leaves in target/ or
// build/libs/ (a plain Maven jar needs a Main-Class in its manifest for `java -jar`, as Boot's jars have).
import type { Provider, ProviderProfile } from '../../../detect/provider';
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import { defaultFact } from '../../../detect/context';
import { readPom } from './maven';
import { readGradle } from './gradle';
import { hasMainMethod } from './main-class';
import { configPort } from './config-port';
import type { JavaFramework } from './frameworks';
import { folderName } from '../../static/detect/folder-name';
import { mavenReactor, rootGradleWrapper } from './reactor';
import { frameworkHealthPath } from './health';

// application.properties/yml placeholders are read by the env scanner itself (scanning every .yml would take compose files for config).
const SOURCE_EXTENSIONS = ['.java', '.kt', '.groovy', '.scala'];

export const provider: Provider = {
  id: 'java',
  markers: ['pom.xml', 'build.gradle', 'build.gradle.kts'],
  matches: (ctx) => ctx.has('pom.xml') || ctx.has('build.gradle') || ctx.has('build.gradle.kts'),
  profile: (ctx) => (ctx.has('pom.xml') ? maven(ctx) : gradle(ctx)),
};

function maven(ctx: AppContext): ProviderProfile | null {
  const pom = readPom(ctx);
  if (!pom || pom.packaging === 'pom') return null;
  const war = pom.packaging === 'war';
  if (!war && !hasMainMethod(ctx)) return null;
  const name = pom.artifactId?.value ?? folderName(ctx, 'app');
  const jar = `target/${pom.finalName ?? (pom.version ? `${name}-${pom.version}` : name)}.${war ? 'war' : 'jar'}`;
  const artifactSource = pom.artifactId ?? ctx.fact(name, 'pom.xml');
  const runnable = !war || pom.framework !== undefined;
  return {
    name,
    runtimeVersion: pom.javaVersion,
    packageManager: ctx.fact('maven', 'pom.xml'),
    framework: pom.framework?.fact ?? null,
    build: mavenBuild(ctx),
    start: runnable ? { value: `java -jar ${jar}`, source: artifactSource.source } : null,
    lockfile: null,
    binary: { value: jar, source: artifactSource.source },
    ...healthPath(ctx, pom.dependencies),
    ...ports(ctx, pom.framework?.fw),
    dependencies: pom.dependencies,
    sourceExtensions: SOURCE_EXTENSIONS,
  };
}

function gradle(ctx: AppContext): ProviderProfile | null {
  const g = readGradle(ctx);
  if (!g) return null;
  if (!g.framework && !g.applicationPlugin && (g.libraryPlugin || !hasMainMethod(ctx))) return null;
  const nameFact: Fact<string> = g.projectName ?? ctx.fact(folderName(ctx, 'app'), g.buildFile);
  const name = nameFact.value;
  const wrapper: Fact<string> | undefined = ctx.has('gradlew') ? ctx.fact('./gradlew', 'gradlew') : rootGradleWrapper(ctx);
  const gradleCmd = wrapper?.value ?? 'gradle';
  // Spring Boot/Quarkus/Micronaut build a runnable jar; the `application` plugin installs a start script.
  const installDist = g.applicationPlugin && !g.framework;
  const binary = installDist ? `build/install/${name}/bin/${name}` : `build/libs/${g.version ? `${name}-${g.version}` : name}.jar`;
  return {
    name,
    runtimeVersion: g.javaVersion,
    packageManager: ctx.fact('gradle', g.buildFile),
    framework: g.framework?.fact ?? null,
    build: { value: `${gradleCmd} ${installDist ? 'installDist' : 'build'} -x test`, source: wrapper?.source ?? ctx.rel(g.buildFile) },
    start: { value: installDist ? binary : `java -jar ${binary}`, source: nameFact.source },
    lockfile: ctx.has('gradle.lockfile') ? ctx.fact('gradle.lockfile', 'gradle.lockfile') : null,
    binary: { value: binary, source: nameFact.source },
    ...healthPath(ctx, g.dependencies),
    ...ports(ctx, g.framework?.fw),
    dependencies: g.dependencies,
    sourceExtensions: SOURCE_EXTENSIONS,
  };
}

/** `mvn -B package` in the module, or through its reactor when an aggregator pom above lists it. */
function mavenBuild(ctx: AppContext): Fact<string> {
  const reactor = mavenReactor(ctx);
  if (!reactor) {
    const wrapper = ctx.has('mvnw');
    return ctx.fact(`${wrapper ? './mvnw' : 'mvn'} -B package -DskipTests`, wrapper ? 'mvnw' : 'pom.xml');
  }
  const mvn = reactor.wrapper ? `${reactor.up}mvnw` : 'mvn';
  return { value: `${mvn} -B -f ${reactor.up}pom.xml -pl ${reactor.modulePath} -am package -DskipTests`, source: reactor.source };
}

/** Set only when the framework serves one, so the code scan still applies otherwise. */
function healthPath(ctx: AppContext, deps: ProviderProfile['dependencies']): Pick<ProviderProfile, 'healthPath'> {
  const fact = frameworkHealthPath(ctx, deps);
  return fact ? { healthPath: fact } : {};
}

function ports(ctx: AppContext, fw: JavaFramework | undefined): Pick<ProviderProfile, 'configPort' | 'defaultPort'> {
  if (!fw) return { configPort: null, defaultPort: null };
  return {
    configPort: configPort(ctx, fw.portKey),
    defaultPort: defaultFact(fw.defaultPort, `${fw.name} listens on ${fw.defaultPort}`),
  };
}
