// Java: Maven or Gradle (or their wrappers) resolve dependencies in their own layer, build a jar, and a
// JRE image runs it with container-aware heap sizing.
import { imagesFor } from '../../platform/base-images';
import { cache, runtimeSetup, runtimeTail, type DockerfileInput } from './context';
import { rootFirst, run, type Stage } from './render';

const PICK_JAR = (dir: string) => `cp "$(ls ${dir}/*.jar | grep -v -e '-plain\\.jar$' -e '/original-' | head -n 1)" /out/app.jar`;

export function javaDockerfile(input: DockerfileInput): Stage[] {
  const { plan, family } = input;
  const app = plan.app;
  const buildCmd = app.build?.value ?? '';
  const gradle = app.packageManager?.value === 'gradle' || /gradle/.test(buildCmd);
  const wrapper = /^\.\/(mvnw|gradlew)\b/.test(buildCmd);
  const tool = wrapper ? 'wrapper' : gradle ? 'gradle' : 'maven';
  const choice = imagesFor({ family, ecosystem: 'java', detected: app.runtimeVersion, tool });
  input.warnings.push(...choice.warnings);
  let buildImage = choice.build;
  if (family === 'rhel' && gradle && !wrapper) {
    // UBI OpenJDK images ship Maven only; the jar is portable, so Gradle builds on the Gradle image.
    buildImage = imagesFor({ family: 'debian', ecosystem: 'java', detected: app.runtimeVersion, tool: 'gradle' }).build;
  }
  const lines: string[] = [...rootFirst(buildImage), 'WORKDIR /src'];
  if (gradle) {
    const g = wrapper ? './gradlew' : 'gradle';
    const mounts = cache(input, '/root/.gradle/caches');
    if (wrapper) lines.push('COPY gradlew ./', 'COPY gradle gradle');
    lines.push('COPY build.gradle* settings.gradle* ./');
    lines.push(run([`${g} --no-daemon dependencies > /dev/null 2>&1 || true`], mounts));
    lines.push('COPY . .');
    lines.push(run([`${g} --no-daemon build -x test`, 'mkdir -p /out', PICK_JAR('build/libs')], mounts));
  } else {
    const m = wrapper ? './mvnw' : 'mvn';
    const mounts = cache(input, '/root/.m2');
    if (wrapper) lines.push('COPY mvnw ./', 'COPY .mvn .mvn');
    lines.push('COPY pom.xml ./');
    lines.push(run([`${m} -B -q dependency:go-offline`], mounts));
    lines.push('COPY . .');
    lines.push(run([`${m} -B package -DskipTests`, 'mkdir -p /out', PICK_JAR('target')], mounts));
  }
  const build: Stage = { from: buildImage.ref, as: 'build', comment: [choice.note], lines };
  const runtime: Stage = {
    from: choice.runtime.ref,
    lines: [
      ...rootFirst(choice.runtime),
      ...runtimeSetup(input, choice.runtime, '/app'),
      'WORKDIR /app',
      'COPY --from=build /out/app.jar /app/app.jar',
      ...runtimeTail(input, choice.runtime, 'shell', ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'], { startPeriod: '60s' }),
    ],
  };
  return [build, runtime];
}
