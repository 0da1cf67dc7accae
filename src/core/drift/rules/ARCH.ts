// Architecture drift: binaries, the image, `FROM --platform` or the developer's machine built for one CPU
// architecture while the production nodes run another: `exec format error`.
import type { Finding } from '../../model';
import type { DriftContext } from '../context';
import { targetEvidence } from '../context';
import { artifactRelevant, describeElf, dfEvidence, locEvidence } from '../helpers';
import type { Rule } from '../rule';
import { normalizeArch } from '../../config';

export const ARCH: Rule = {
  id: 'ARCH',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    const t = ctx.target;
    const arches = [...new Set((t.arches?.length ? t.arches : [t.arch]).map(normalizeArch))];
    const targetEv = targetEvidence(t, `arch ${arches.join(', ')}`);
    const fits = (arch: string) => arches.every((a) => a === normalizeArch(arch));
    for (const a of ctx.artifacts) {
      if (!a.elf || a.elf.arch.startsWith('unknown') || !artifactRelevant(ctx, a) || fits(a.elf.arch)) continue;
      out.push({
        id: 'ARCH', severity: 'error',
        title: `${a.elf.arch} binary for ${arches.join('/')} nodes`,
        message: `${describeElf(a)} is built for ${a.elf.arch}, but target ${t.name} runs ${arches.join(', ')}: it fails with "exec format error".`,
        evidence: [locEvidence(a.location, `e_machine ${a.elf.machine} (${a.elf.arch})`), targetEv],
        fix: { text: `Build it for linux/${arches[0]} (install dependencies inside a linux/${arches[0]} image build: docker build --platform linux/${arches[0]}).` },
        app: 'file' in a.location ? (ctx.unitOf(a.location.file)?.dir || '.') : undefined,
      });
    }
    const img = ctx.image;
    if (img && !fits(img.arch)) {
      out.push({
        id: 'ARCH', severity: 'error',
        title: `image is ${img.arch}, target is ${arches.join('/')}`,
        message: `Image ${img.ref} is built for ${img.os}/${img.arch}; target ${t.name} runs ${arches.join(', ')}. Its containers fail with "exec format error".`,
        evidence: [{ image: img.ref, path: 'config > architecture', excerpt: img.arch }, targetEv],
        fix: { text: `Rebuild the image with --platform linux/${arches[0]} (or a multi-platform build with docker buildx).` },
      });
    }
    for (const unit of ctx.units) {
      const df = unit.dockerfile;
      if (!df) continue;
      const stage = df.stages[df.stages.length - 1];
      const platArch = stage?.platform && /linux\/([\w]+)/.exec(stage.platform)?.[1];
      if (stage && platArch && !stage.platform!.includes('$') && !fits(platArch)) {
        const lineText = df.lines[stage.fromLine - 1];
        out.push({
          id: 'ARCH', severity: 'error',
          title: `FROM --platform=${stage.platform} for ${arches.join('/')} nodes`,
          message: `The runtime stage of ${df.path} is pinned to ${stage.platform}, but target ${t.name} runs ${arches.join(', ')}.`,
          evidence: [dfEvidence(df, stage.fromLine), targetEv],
          fix: {
            text: `Build the runtime stage for linux/${arches[0]}.`,
            edits: [{ file: df.path, line: stage.fromLine, newText: lineText.replace(`--platform=${stage.platform}`, `--platform=linux/${arches[0]}`) }],
          },
          app: unit.dir || '.',
        });
      }
    }
    const host = ctx.host;
    if (host && !img && !fits(host.arch) && ctx.units.some((u) => u.dockerfile)) {
      out.push({
        id: 'ARCH', severity: 'warning',
        title: `this machine is ${host.arch}, target is ${arches.join('/')}`,
        message: `Images built here default to linux/${host.arch}; target ${t.name} runs ${arches.join(', ')}, where they fail with "exec format error".`,
        evidence: [{ file: 'parity.yaml', excerpt: `host arch ${host.arch}` }, targetEv],
        fix: { text: `Build with docker build --platform linux/${arches[0]} (Parity does when the target says so).` },
      });
    }
    return out;
  },
};
