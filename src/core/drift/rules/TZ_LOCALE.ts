// Code loads named time zones from the system zoneinfo (Go time.LoadLocation, Python zoneinfo, Ruby
// TZInfo, a TZ variable) but the runtime image has no tzdata: `unknown time zone Asia/Shanghai`.
import type { Finding, TextEdit } from '../../model';
import type { DriftContext, Unit } from '../context';
import { afterFinalFrom, dfEvidence, installCommand, installedByDockerfile } from '../helpers';
import type { Rule } from '../rule';
import type { ZoneUse } from '../scan';
import { distroFromImage } from '../../platform/distros';
import { moduleOf } from '../../ecosystems';
import { runtimeOfRepository } from '../pins';
import { envNames, finalStage, instructions, stageChain } from '../../manifests/dockerfile';

/** Whether a base image has /usr/share/zoneinfo without installing tzdata. */
export function baseHasTzdata(image: string): boolean | undefined {
  const lower = image.toLowerCase();
  const name = lower.split(':')[0];
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base === 'scratch') return false;
  const runtime = runtimeOfRepository(base);
  if (runtime && moduleOf(runtime).images.tzdata) return true; // e.g. the official Python images, slim ones included
  const guess = distroFromImage(image);
  if (!guess) return undefined;
  const d = guess.distro;
  if (d.family === 'alpine') return false;
  if (d.family === 'debian' && !/slim/.test(lower) && !['debian', 'ubuntu'].includes(base)) return true; // full official images (buildpack-deps)
  return d.tzdataInImage;
}

function zoneUses(ctx: DriftContext, unit: Unit): { file: string; use: ZoneUse }[] {
  const uses: { file: string; use: ZoneUse }[] = [...ctx.scan(unit).zones];
  const df = unit.dockerfile;
  const stage = df && finalStage(df);
  if (df && stage) {
    for (const s of stageChain(df, stage)) for (const e of instructions(s, 'ENV')) {
      const m = /\bTZ[= ]\s*["']?([A-Z][A-Za-z_]+\/[A-Za-z_+-]+)/.exec(e.args);
      if (m && envNames(e).includes('TZ')) uses.push({ file: df.path, use: { zone: m[1], line: e.line, language: 'libc' } });
    }
  }
  return uses;
}

export const TZ_LOCALE: Rule = {
  id: 'TZ_LOCALE',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const img = ctx.image;
      const df = unit.dockerfile;
      const stage = df && finalStage(df);
      if (!img && !stage) continue; // deployed to a VM as it is: hosts have their zoneinfo
      const uses = zoneUses(ctx, unit);
      if (!uses.length) continue;
      let has: boolean | undefined;
      let where: string;
      if (img) {
        has = img.hasZoneinfo || img.packages.includes('tzdata');
        where = `image ${img.ref}`;
      } else {
        has = baseHasTzdata(stage!.baseImage) || installedByDockerfile(df!).has('tzdata') || (df!.stages.some((s) => s.instructions.some((i) => /zoneinfo/.test(i.args) && /COPY|ADD/.test(i.keyword))));
        where = `runtime stage ${stage!.baseImage}`;
      }
      if (has !== false) continue;
      const first = uses[0];
      const family = stage ? distroFromImage(stage.baseImage)?.distro.family : undefined;
      const install = family && family !== 'distroless' ? installCommand(family, ['tzdata']) : undefined;
      const edits: TextEdit[] = [];
      const edit = df && install && !img ? afterFinalFrom(df, install + '\n') : undefined;
      if (edit) edits.push(edit);
      // Language-level (allow-listed): a source-language fact of the scanned code, not an ecosystem dispatch.
      const goHint = uses.some((u) => u.use.language === 'go') ? ' For Go, `import _ "time/tzdata"` embeds the database in the binary instead.' : '';
      const scratchHint = stage && /^scratch$/.test(stage.baseImage) ? ' For scratch: COPY --from=<build stage> /usr/share/zoneinfo /usr/share/zoneinfo.' : '';
      out.push({
        id: 'TZ_LOCALE', severity: 'error',
        title: `time zone ${first.use.zone} used, no tzdata in ${where}`,
        message: `${first.file}:${first.use.line} loads the time zone ${first.use.zone}${uses.length > 1 ? ` (and ${uses.length - 1} more use${uses.length > 2 ? 's' : ''})` : ''} from the system zoneinfo, but ${where} has no tzdata: "unknown time zone ${first.use.zone}".`,
        evidence: [{ file: first.file, line: first.use.line, excerpt: ctx.read(first.file)?.split('\n')[first.use.line - 1]?.trim() }, img ? { image: img.ref, path: '/usr/share/zoneinfo' } : dfEvidence(df!, stage!.fromLine)],
        fix: { text: `Install tzdata in the runtime image.${goHint}${scratchHint}`, ...(edits.length ? { edits } : {}) },
        app: unit.dir || '.',
      });
    }
    return out;
  },
};
