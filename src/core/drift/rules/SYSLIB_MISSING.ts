// A shared library a native artifact needs (DT_NEEDED) or a known native package needs is not in the
// runtime image: `libpq.so.5: cannot open shared object file`.
import type { Family, Finding } from '../../model';
import type { DriftContext, RuntimeEnv } from '../context';
import { afterFinalFrom, artifactRelevant, describeElf, installCommand, installedByDockerfile, locEvidence } from '../helpers';
import type { Rule } from '../rule';
import { envForArtifact } from './LIBC_FAMILY';
import { BASE_SONAMES, providerOf } from '../sonames';
import { distroFromImage } from '../../platform/distros';
import { finalStage } from '../../manifests/dockerfile';

function familyOf(env: RuntimeEnv): Family | undefined {
  const f = env.distro?.family;
  return f === 'debian' || f === 'rhel' || f === 'alpine' ? f : f === 'distroless' ? 'debian' : undefined;
}

export const SYSLIB_MISSING: Rule = {
  id: 'SYSLIB_MISSING',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    const shipped = new Set(ctx.artifacts.flatMap((a) => [a.elf?.soname, locBase(a.location)].filter((x): x is string => Boolean(x))));
    const img = ctx.image;
    const imageLibs = new Set(img?.libraries ?? []);
    const reported = new Set<string>();
    for (const a of ctx.artifacts) {
      if (!a.elf || !artifactRelevant(ctx, a)) continue;
      const env = envForArtifact(ctx, a);
      const unit = 'file' in a.location ? ctx.unitOf(a.location.file) : undefined;
      for (const soname of a.elf.needed) {
        if (BASE_SONAMES.test(soname) || shipped.has(soname)) continue;
        const family = familyOf(env);
        const pkg = family ? providerOf(soname, family) : undefined;
        if (env.kind === 'image') {
          if (imageLibs.has(soname)) continue;
        } else {
          // Without an image only libraries we know a provider for are checked (others may be bundled).
          if (!pkg || env.kind !== 'dockerfile' || !unit?.dockerfile) continue;
          if (installedByDockerfile(unit.dockerfile).has(pkg)) continue;
          if (!/slim|alpine|distroless|minimal|micro/.test(finalStage(unit.dockerfile)?.baseImage ?? '') && distroFromImage(finalStage(unit.dockerfile)!.baseImage)?.distro.family === 'debian') continue; // full images carry most libs
        }
        const key = `${unit?.dir ?? 'image'}|${soname}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const edit = unit?.dockerfile && pkg && family && env.kind !== 'image' ? afterFinalFrom(unit.dockerfile, installCommand(family, [pkg]) + '\n') : undefined;
        out.push({
          id: 'SYSLIB_MISSING', severity: env.kind === 'image' ? 'error' : 'warning',
          title: `${soname} missing in ${env.label}`,
          message: `${describeElf(a)} needs ${soname}, which ${env.kind === 'image' ? 'is not in the image' : `the Dockerfile does not install (${pkg} on ${family})`}: it fails with "${soname}: cannot open shared object file".`,
          evidence: [locEvidence(a.location, `DT_NEEDED ${soname}`), env.evidence],
          fix: { text: pkg ? `Install ${pkg} in the runtime stage.` : `Install the package that provides ${soname} in the runtime stage.`, ...(edit ? { edits: [edit] } : {}) },
          app: unit ? unit.dir || '.' : undefined,
        });
      }
    }
    // Known native packages (detection's nativeDeps) whose runtime libraries the Dockerfile never installs.
    for (const unit of ctx.units) {
      const df = unit.dockerfile;
      const stage = df && finalStage(df);
      if (!df || !stage || !unit.app?.nativeDeps.length || img) continue;
      const env = ctx.runtimeOf(unit);
      const family = familyOf(env);
      if (!family || !/slim|alpine|minimal|micro|distroless/.test(stage.baseImage)) continue;
      const have = installedByDockerfile(df);
      for (const dep of unit.app.nativeDeps) {
        const missing = dep.systemPackages[family].runtime.filter((p) => !have.has(p));
        if (!missing.length) continue;
        const edit = afterFinalFrom(df, installCommand(family, missing) + '\n');
        out.push({
          id: 'SYSLIB_MISSING', severity: 'warning',
          title: `${dep.package} needs ${missing.join(', ')} at runtime`,
          message: `${dep.package} loads ${missing.join(', ')} at runtime; the runtime stage (${stage.baseImage}) does not install ${missing.length > 1 ? 'them' : 'it'}.`,
          evidence: [{ file: dep.source.split(' > ')[0].split(':')[0], excerpt: dep.source }, { file: df.path, line: stage.fromLine, excerpt: df.lines[stage.fromLine - 1] }],
          fix: { text: `Install ${missing.join(' ')} in the runtime stage.`, ...(edit ? { edits: [edit] } : {}) },
          app: unit.dir || '.',
        });
      }
    }
    return out;
  },
};

function locBase(loc: { file: string } | { image: string; path: string }): string {
  const p = 'file' in loc ? loc.file : loc.path;
  return p.slice(p.lastIndexOf('/') + 1);
}
