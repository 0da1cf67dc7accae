// Java: Maven or Gradle (or their wrappers) resolve dependencies in their own layer, build the artifact
// (a jar, or a Gradle `installDist` distribution), and a JRE image runs it with container-aware heap sizing.
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { cache, runtimeSetup, runtimeTail, lockfileOf, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, type Stage } from '../../generate/dockerfile/render';

export const LABEL = 'Java';

/** Copies the built jar to /out/app.jar: the detected artifact, else the first non-plain jar. */
function pickJar(dir: string, artifact: string | undefined): string {
  if (artifact && artifact.endsWith('.jar') && !/[*?$'"\s]/.test(artifact)) return `cp ${artifact} /out/app.jar`;
  return `cp "$(ls ${dir}/*.jar | grep -v -e '-plain\\.jar$' -e '/original-' | head -n 1)" /out/app.jar`;
}

export function javaDockerfile(input: DockerfileInput): Stage[] {
  const { plan, family } = input;
  const app = plan.app;
  const buildCmd = app.build?.value;
  const gradle = app.packageManager?.value === 'gradle' || /gradle/.test(buildCmd ?? '');
  const wrapper = /^\.\/(mvnw|gradlew)\b/.test(buildCmd ?? '');
  const tool = wrapper ? 'wrapper' : gradle ? 'gradle' : 'maven';
  const choice = chooseImages(images, LABEL, { family, detected: app.runtimeVersion, tool });
  input.warnings.push(...choice.warnings);
  let buildImage = choice.build;
  if (family === 'rhel' && gradle && !wrapper) {
    // UBI OpenJDK images ship Maven only; the artifact is portable, so Gradle builds on the Gradle image.
    buildImage = chooseImages(images, LABEL, { family: 'debian', detected: app.runtimeVersion, tool: 'gradle' }).build;
  }
  const artifact = app.binary?.value ?? undefined;
  // `./gradlew installDist` → build/install/<name>/bin/<name>: a start script plus lib/*.jar.
  const dist = artifact ? /^build\/install\/([^/]+)\/bin\/([^/]+)$/.exec(artifact) : null;
  const lines: string[] = [...rootFirst(buildImage), 'WORKDIR /src'];
  const collect = dist ? `cp -r build/install/${dist[1]} /out/app` : pickJar(gradle ? 'build/libs' : 'target', artifact);
  if (gradle) {
    const g = wrapper ? './gradlew' : 'gradle';
    const mounts = cache(input, '/root/.gradle/caches');
    if (wrapper) lines.push('COPY gradlew ./', 'COPY gradle gradle');
    const lock = lockfileOf(input);
    lines.push(`COPY build.gradle* settings.gradle*${lock ? ` ${lock}` : ''} ./`);
    lines.push(run([`${g} --no-daemon dependencies > /dev/null 2>&1 || true`], mounts));
    lines.push('COPY . .');
    const build = buildCmd && /^(\.\/gradlew|gradle)\b/.test(buildCmd) ? buildCmd.replace(/^(\.\/gradlew|gradle)\b/, '$1 --no-daemon') : `${g} --no-daemon build -x test`;
    lines.push(run([build, 'mkdir -p /out', collect], mounts));
  } else {
    const m = wrapper ? './mvnw' : 'mvn';
    const mounts = cache(input, '/root/.m2');
    if (wrapper) lines.push('COPY mvnw ./', 'COPY .mvn .mvn');
    lines.push('COPY pom.xml ./');
    lines.push(run([`${m} -B -q dependency:go-offline`], mounts));
    lines.push('COPY . .');
    const build = buildCmd && /^(\.\/mvnw|mvn)\b/.test(buildCmd) ? buildCmd : `${m} -B package -DskipTests`;
    lines.push(run([build, 'mkdir -p /out', collect], mounts));
  }
  const build: Stage = { from: buildImage.ref, as: 'build', comment: [choice.note], lines };
  const runtime: Stage = {
    from: choice.runtime.ref,
    lines: [
      ...rootFirst(choice.runtime),
      ...(dist ? ['ENV JAVA_OPTS=-XX:MaxRAMPercentage=75'] : []),
      ...runtimeSetup(input, choice.runtime, '/app'),
      'WORKDIR /app',
      dist ? 'COPY --from=build /out/app /app' : 'COPY --from=build /out/app.jar /app/app.jar',
      ...runtimeTail(input, choice.runtime, 'shell', dist ? [`/app/bin/${dist[2]}`] : ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'], { startPeriod: '60s' }),
    ],
  };
  return [build, runtime];
}
