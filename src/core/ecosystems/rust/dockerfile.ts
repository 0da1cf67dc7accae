// Rust: dependencies compiled against a placeholder main so they stay cached, then the real release build.
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { buildPackages, cache, copyManifests, lockfileOf, runtimeSetup, runtimeTail, type DockerfileInput } from '../../generate/dockerfile/context';
import { rootFirst, run, type Stage } from '../../generate/dockerfile/render';
import { lockfileName } from '../../generate/plan';

export const LABEL = 'Rust';

export function rustDockerfile(input: DockerfileInput): Stage[] {
  const { plan, family } = input;
  const app = plan.app;
  const choice = chooseImages(images, LABEL, { family, detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  if (family === 'rhel') input.warnings.push('UBI has no Rust image: the build uses the Rust toolchain packaged for RHEL 9, not the detected version');
  const bin = (app.binary?.value ?? app.name).replace(/^.*\//, '');
  const lock = lockfileOf(input);
  const locked = lock ? ' --locked' : '';
  const mounts = cache(input, '/usr/local/cargo/registry');
  const toolchain = family === 'rhel' ? ['cargo', 'gcc', 'rust'] : family === 'alpine' ? ['musl-dev'] : [];
  const workspace = plan.context !== plan.dir;
  const steps = workspace
    ? [
      // A workspace member: the placeholder-main trick does not fit a workspace, so the lockfile layer is
      // followed by one build of this member.
      copyManifests(['Cargo.toml', lockfileName(lock)]),
      'COPY . .',
      run([`cargo build --release${locked} -p ${app.name}`, 'mkdir -p /out', `cp target/release/${bin} /out/${bin}`], mounts),
    ]
    : [
      copyManifests(['Cargo.toml', lock]),
      run(['mkdir -p src', `echo 'fn main() {}' > src/main.rs`, `cargo build --release${locked}`, 'rm -rf src'], mounts),
      'COPY . .',
      run(['touch src/main.rs', `cargo build --release${locked}`, 'mkdir -p /out', `cp target/release/${bin} /out/${bin}`], mounts),
    ];
  const build: Stage = {
    from: choice.build.ref, as: 'build', comment: [family === 'rhel' ? 'Rust from the RHEL 9 repositories (no UBI Rust image).' : choice.note, ...(workspace ? [`Build from the workspace root: docker build -f ${plan.inContext}/Dockerfile .`] : [])],
    lines: [
      ...rootFirst(choice.build),
      ...buildPackages(input, choice.build, toolchain),
      'WORKDIR /src',
      ...steps,
    ],
  };
  const runtime: Stage = {
    from: choice.runtime.ref,
    lines: [
      ...runtimeSetup(input, choice.runtime, '/', family === 'debian' ? ['ca-certificates'] : []),
      `COPY --from=build /out/${bin} /usr/local/bin/${bin}`,
      ...runtimeTail(input, choice.runtime, 'shell', [`/usr/local/bin/${bin}`], { startPeriod: '5s' }),
    ],
  };
  return [build, runtime];
}
