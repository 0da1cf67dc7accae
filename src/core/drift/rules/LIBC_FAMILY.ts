// A native artifact linked against one libc (glibc's ld-linux loader, musl's ld-musl) running where the
// other is installed: `Error relocating …: symbol not found` / `ld-linux-x86-64.so.2: not found`.
import type { Finding, TextEdit } from '../../model';
import { libcOf } from '../../elf';
import type { DriftContext, RuntimeEnv } from '../context';
import { artifactRelevant, describeElf, locEvidence, replaceFromImage } from '../helpers';
import type { NativeArtifact } from '../types';
import type { Rule } from '../rule';
import { finalStage } from '../../manifests/dockerfile';
import { moduleOf } from '../../ecosystems';
import { runtimeOfRepository } from '../pins';

export function envForArtifact(ctx: DriftContext, a: NativeArtifact): RuntimeEnv {
  return ctx.runtimeOf('file' in a.location ? ctx.unitOf(a.location.file) : undefined);
}

/** `node:20-alpine` → `node:20-bookworm-slim`, `python:3.12-alpine3.19` → `python:3.12-slim-bookworm`, `alpine:3.20` → `debian:bookworm-slim`. */
export function glibcVariant(image: string): string | undefined {
  const m = /^(.*?):(.*)$/.exec(image);
  if (!m) return undefined;
  const [, name, tag] = m;
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base === 'alpine') return 'debian:bookworm-slim';
  if (!/alpine/.test(tag)) return undefined;
  const version = tag.replace(/-?alpine[\d.]*/, '');
  const runtime = runtimeOfRepository(base);
  const debianTag = (runtime && moduleOf(runtime).images.debianTag) || ((v: string) => `${v ? v + '-' : ''}bookworm-slim`);
  return `${name}:${debianTag(version)}`;
}

export const LIBC_FAMILY: Rule = {
  id: 'LIBC_FAMILY',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const a of ctx.artifacts) {
      if (!a.elf || !artifactRelevant(ctx, a)) continue;
      const built = libcOf(a.elf) ?? a.prebuild?.libc;
      const env = envForArtifact(ctx, a);
      if (!built || env.libc === 'unknown' || built === env.libc) continue;
      const unit = 'file' in a.location ? ctx.unitOf(a.location.file) : undefined;
      const edits: TextEdit[] = [];
      const df = unit?.dockerfile;
      const stage = df && finalStage(df);
      if (env.kind === 'dockerfile' && df && stage && built === 'glibc') {
        const variant = glibcVariant(stage.image);
        const edit = variant && replaceFromImage(df, stage.fromLine, stage.image, variant);
        if (edit) edits.push(edit);
      }
      const rebuild = 'file' in a.location
        ? 'Install dependencies inside the image (npm ci / pip install in the Dockerfile) instead of copying them from this machine, and keep them out of the build context'
        : 'Install or build this dependency in a stage with the same base as the runtime stage';
      out.push({
        id: 'LIBC_FAMILY',
        severity: 'error',
        title: `${built} binary on a ${env.libc} system`,
        message: `${describeElf(a)} is linked against ${built}, but it will run on ${env.label}, which uses ${env.libc}. It fails to load there (${built === 'glibc' ? '"Error relocating …: symbol not found" or "ld-linux-x86-64.so.2: not found"' : '"ld-musl-x86_64.so.1: not found"'}).`,
        evidence: [locEvidence(a.location, a.elf.interpreter ? `PT_INTERP ${a.elf.interpreter}` : `DT_NEEDED ${a.elf.needed.join(', ')}`), env.evidence],
        fix: {
          text: `${rebuild}${built === 'glibc' ? ', or use a glibc-based image (Debian/UBI) for the runtime' : ', or build it for glibc'}.`,
          ...(edits.length ? { edits } : {}),
        },
        app: unit ? unit.dir || '.' : undefined,
      });
    }
    return out;
  },
};
