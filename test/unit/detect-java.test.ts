// Java: version precedence in Maven and Gradle, what is an app (a main method, a war) and what is not
// (aggregator poms, library modules), framework ports from application.properties/yml, and bad poms.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';
import { normalizeJavaVersion } from '../../src/core/ecosystems/java/detect/version';

const MAIN = 'src/main/java/com/acme/App.java';
const mainJava = 'package com.acme;\n\npublic class App {\n    public static void main(String[] args) {}\n}\n';
const libJava = 'package com.acme;\n\npublic class Util {\n    public static int twice(int x) { return 2 * x; }\n}\n';

function apps(tree: Record<string, string>) {
  return detect(new MemoryRepo(tree));
}

function only(tree: Record<string, string>) {
  const result = apps(tree);
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return result.apps[0];
}

function pom(inner: string, artifact = 'svc'): string {
  return `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>${artifact}</artifactId>\n  <version>1.0</version>\n${inner}</project>\n`;
}

test('Maven version precedence: compiler plugin release, maven.compiler.release, java.version, target, source', () => {
  const props = '  <properties>\n    <maven.compiler.source>1.8</maven.compiler.source>\n    <maven.compiler.target>11</maven.compiler.target>\n    <java.version>17</java.version>\n    <maven.compiler.release>${jdk}</maven.compiler.release>\n    <jdk>19</jdk>\n  </properties>\n';
  const plugin = '  <build><plugins><plugin>\n    <artifactId>maven-compiler-plugin</artifactId>\n    <configuration><release>21</release></configuration>\n  </plugin></plugins></build>\n';
  assert.deepEqual(only({ 'pom.xml': pom(props + plugin), [MAIN]: mainJava }).runtimeVersion, { value: '21', source: 'pom.xml:16' });
  // a property reference points at the property that holds the value
  assert.deepEqual(only({ 'pom.xml': pom(props), [MAIN]: mainJava }).runtimeVersion, { value: '19', source: 'pom.xml:12' });
  const noRelease = props.replace(/ {4}<maven.compiler.release>.*\n/, '');
  assert.deepEqual(only({ 'pom.xml': pom(noRelease), [MAIN]: mainJava }).runtimeVersion, { value: '17', source: 'pom.xml:10' });
  const legacy = '  <properties>\n    <maven.compiler.source>1.8</maven.compiler.source>\n  </properties>\n';
  assert.deepEqual(only({ 'pom.xml': pom(legacy), [MAIN]: mainJava }).runtimeVersion, { value: '8', source: 'pom.xml:8' });
  assert.equal(only({ 'pom.xml': pom(''), [MAIN]: mainJava }).runtimeVersion, null);
});

test('Maven: aggregator poms and modules without a main are not apps; a module with one builds through its reactor', () => {
  const result = apps({
    'pom.xml': pom('  <packaging>pom</packaging>\n  <modules><module>api</module><module>common</module></modules>\n', 'parent'),
    'api/pom.xml': pom('  <dependencies>\n    <dependency><groupId>com.acme</groupId><artifactId>common</artifactId></dependency>\n  </dependencies>\n', 'api'),
    'api/src/main/java/com/acme/App.java': mainJava,
    'common/pom.xml': pom('', 'common'),
    'common/src/main/java/com/acme/Util.java': libJava,
    // a main in test sources does not count
    'common/src/test/java/com/acme/Main.java': mainJava,
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.name, a.start?.value, a.build?.value]), [
    ['api', 'api', 'java -jar target/api-1.0.jar', 'mvn -B -f ../pom.xml -pl api -am package -DskipTests'],
  ]);
  assert.equal(result.apps[0].build?.source, 'pom.xml:8');
  // nested aggregators: the outermost reactor builds it, through the wrapper at the root
  const nested = apps({
    'pom.xml': pom('  <packaging>pom</packaging>\n  <modules>\n    <module>services</module>\n  </modules>\n', 'root'),
    'mvnw': '#!/bin/sh\n',
    'services/pom.xml': pom('  <packaging>pom</packaging>\n  <modules>\n    <module>./orders/</module>\n  </modules>\n', 'services'),
    'services/orders/pom.xml': pom('', 'orders'),
    'services/orders/src/main/java/com/acme/App.java': mainJava,
  });
  assert.deepEqual(nested.apps.map((a) => a.build), [
    { value: '../../mvnw -B -f ../../pom.xml -pl services/orders -am package -DskipTests', source: 'pom.xml:9' },
  ]);
  // a pom above that does not list the module is not its reactor
  const unrelated = apps({ 'pom.xml': pom('  <packaging>pom</packaging>\n', 'root'), 'tool/pom.xml': pom('', 'tool'), 'tool/src/main/java/com/acme/App.java': mainJava });
  assert.equal(unrelated.apps[0].build?.value, 'mvn -B package -DskipTests');
});

test('Maven: test-scoped dependencies are left out; a non-Boot war has no start command', () => {
  const deps = '  <packaging>war</packaging>\n  <dependencies>\n    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>\n    <dependency><groupId>redis.clients</groupId><artifactId>jedis</artifactId><scope>test</scope></dependency>\n  </dependencies>\n';
  const app = only({ 'pom.xml': pom(deps) });
  assert.deepEqual(app.services, [{ value: 'postgres', source: 'pom.xml:9' }]);
  assert.equal(app.start, null);
  assert.deepEqual(app.binary, { value: 'target/svc-1.0.war', source: 'pom.xml:5' });
});

test('Spring Boot: server.port from properties (placeholders resolve to their default), else 8080', () => {
  const boot = pom('  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n  </parent>\n');
  const props = 'src/main/resources/application.properties';
  const yml = 'src/main/resources/application.yml';
  assert.deepEqual(only({ 'pom.xml': boot, [MAIN]: mainJava, [props]: '# port\nserver.port = ${PORT:9000}\n' }).port, { value: 9000, source: `${props}:2` });
  assert.deepEqual(only({ 'pom.xml': boot, [MAIN]: mainJava, [props]: 'server.port=${PORT}\n' }).port, { value: 8080, source: 'default (spring-boot listens on 8080)' });
  // a profile-specific YAML document does not apply by default
  const docs = 'spring:\n  config:\n    activate:\n      on-profile: prod\nserver:\n  port: 80\n---\nserver:\n  port: 8181\n';
  assert.deepEqual(only({ 'pom.xml': boot, [MAIN]: mainJava, [yml]: docs }).port, { value: 8181, source: `${yml} > server.port` });
  const app = only({ 'pom.xml': boot, [MAIN]: mainJava });
  assert.deepEqual(app.framework, { value: 'spring-boot', source: 'pom.xml:9' });
});

test('Gradle: toolchain beats source/targetCompatibility; jvmToolchain counts; Groovy and Kotlin DSL', () => {
  const kts = 'plugins {\n    id("org.springframework.boot") version "3.2.0"\n}\njava {\n    sourceCompatibility = JavaVersion.VERSION_17\n    toolchain {\n        languageVersion.set(JavaLanguageVersion.of(21))\n    }\n}\n';
  const app = only({ 'build.gradle.kts': kts, 'settings.gradle.kts': 'rootProject.name = "svc"\n', 'src/main/kotlin/App.kt': 'fun main() {}\n' });
  assert.deepEqual(app.runtimeVersion, { value: '21', source: 'build.gradle.kts:7' });
  assert.deepEqual(app.binary, { value: 'build/libs/svc.jar', source: 'settings.gradle.kts:1' });
  const groovy = "plugins { id 'java' }\nsourceCompatibility = '1.8'\ntargetCompatibility = 11\n";
  assert.deepEqual(only({ 'build.gradle': groovy, [MAIN]: mainJava }).runtimeVersion, { value: '11', source: 'build.gradle:3' });
  const kotlin = 'plugins {\n    kotlin("jvm") version "1.9.0"\n    application\n}\nkotlin {\n    jvmToolchain(17)\n}\n';
  const k = only({ 'build.gradle.kts': kotlin, 'src/main/kotlin/Main.kt': 'fun main() = println("x")\n', 'gradlew': '#!/bin/sh\n' });
  assert.deepEqual(k.runtimeVersion, { value: '17', source: 'build.gradle.kts:6' });
  assert.deepEqual(k.build, { value: './gradlew installDist -x test', source: 'gradlew' });
});

test('Gradle: java-library modules and a root without sources are not apps; test and BOM deps are left out', () => {
  const result = apps({
    'settings.gradle': "rootProject.name = 'shop'\ninclude 'api', 'core'\n",
    'build.gradle': "allprojects { repositories { mavenCentral() } }\n",
    'api/build.gradle': "plugins {\n  id 'org.springframework.boot' version '3.2.0'\n}\ndependencies {\n  implementation platform('org.springframework.boot:spring-boot-dependencies:3.2.0')\n  implementation project(':core')\n  implementation 'org.springframework.boot:spring-boot-starter-data-mongodb'\n  testImplementation 'org.springframework.boot:spring-boot-starter-test'\n}\n",
    'api/src/main/java/com/acme/App.java': mainJava,
    'core/build.gradle': "plugins { id 'java-library' }\n",
    'core/src/main/java/com/acme/Util.java': libJava,
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.name, a.framework?.value]), [['api', 'api', 'spring-boot']]);
  assert.deepEqual(result.apps[0].services, [{ value: 'mongodb', source: 'api/build.gradle:7' }]);
  // a subproject builds with the root's wrapper, from its own folder
  assert.deepEqual(result.apps[0].build, { value: 'gradle build -x test', source: 'api/build.gradle' });
  const wrapped = apps({ 'settings.gradle': "include 'api'\n", 'gradlew': '#!/bin/sh\n', 'api/build.gradle': "plugins { id 'application' }\n", 'api/src/main/java/com/acme/App.java': mainJava });
  assert.deepEqual(wrapped.apps[0].build, { value: '../gradlew installDist -x test', source: 'gradlew' });
  // one-line plugins blocks: a bare core plugin name counts; a java-library with a main is still a library
  assert.equal(only({ 'build.gradle': 'plugins { application }\n', [MAIN]: mainJava }).build?.value, 'gradle installDist -x test');
  assert.deepEqual(apps({ 'build.gradle': "plugins { id 'java-library' }\n", [MAIN]: mainJava }).apps, []);
});

test('a malformed pom.xml is a warning and no app, never a crash', () => {
  const result = apps({ 'pom.xml': '<project><artifactId>x</artifactId>', [MAIN]: mainJava });
  assert.deepEqual(result.apps, []);
  assert.equal(result.warnings.length, 1);
  assert.equal(result.warnings[0].file, 'pom.xml');
  assert.match(result.warnings[0].message, /^invalid XML/);
  const notAPom = apps({ 'pom.xml': '<?xml version="1.0"?>\n<settings/>\n', [MAIN]: mainJava });
  assert.deepEqual(notAPom.warnings, [{ file: 'pom.xml', message: 'no <project> element' }]);
});

test('Java versions normalise to what a runtime image is tagged with', () => {
  assert.equal(normalizeJavaVersion('1.8'), '8');
  assert.equal(normalizeJavaVersion('JavaVersion.VERSION_1_8'), '8');
  assert.equal(normalizeJavaVersion('JavaVersion.VERSION_21'), '21');
  assert.equal(normalizeJavaVersion("'17'"), '17');
  assert.equal(normalizeJavaVersion('${java.version}'), undefined);
});

test('Maven properties are inherited from a local parent pom; the child overrides; <relativePath/> is not read', () => {
  const parent = pom('  <packaging>pom</packaging>\n  <modules><module>svc</module></modules>\n  <properties>\n    <java.version>17</java.version>\n  </properties>\n', 'parent');
  const child = (props: string, relativePath = '') =>
    `<?xml version="1.0"?>\n<project>\n  <parent>\n    <groupId>com.acme</groupId>\n    <artifactId>parent</artifactId>\n    <version>1.0</version>\n${relativePath}  </parent>\n  <artifactId>svc</artifactId>\n${props}</project>\n`;
  const main = { 'svc/src/main/java/com/acme/App.java': mainJava };
  const inherited = only({ 'pom.xml': parent, 'svc/pom.xml': child(''), ...main });
  assert.deepEqual(inherited.runtimeVersion, { value: '17', source: 'pom.xml:10' });
  assert.equal(inherited.binary?.value, 'target/svc-1.0.jar');
  const overridden = only({ 'pom.xml': parent, 'svc/pom.xml': child('  <properties><java.version>21</java.version></properties>\n'), ...main });
  assert.deepEqual(overridden.runtimeVersion, { value: '21', source: 'svc/pom.xml:9' });
  assert.equal(only({ 'pom.xml': parent, 'svc/pom.xml': child('', '    <relativePath/>\n'), ...main }).runtimeVersion, null);
});

test('health path: Actuator at /actuator/health (or its base-path), none on a separate management port; Quarkus /q/health', () => {
  const boot = pom('  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>\n  </dependencies>\n');
  const props = 'src/main/resources/application.properties';
  assert.deepEqual(only({ 'pom.xml': boot, [MAIN]: mainJava }).healthPath, { value: '/actuator/health', source: 'pom.xml:8' });
  assert.deepEqual(only({ 'pom.xml': boot, [MAIN]: mainJava, [props]: 'management.endpoints.web.base-path=/manage/\n' }).healthPath,
    { value: '/manage/health', source: `${props}:1` });
  assert.equal(only({ 'pom.xml': boot, [MAIN]: mainJava, [props]: 'management.server.port=9001\n' }).healthPath, undefined);
  const quarkus = "plugins { id 'io.quarkus' }\ndependencies {\n  implementation 'io.quarkus:quarkus-smallrye-health'\n}\n";
  const q = only({ 'build.gradle': quarkus, [MAIN]: mainJava });
  assert.deepEqual([q.framework?.value, q.healthPath, q.port?.value], ['quarkus', { value: '/q/health', source: 'build.gradle:3' }, 8080]);
});
