// `FROM node` / `image: api:latest`: the base silently jumps a major version on the next build or pull.
import type { Finding, TextEdit } from '../../model';
import type { DriftContext } from '../context';
import { dfEvidence } from '../helpers';
import type { Rule } from '../rule';
import { readPins, significant, pinFloor, runtimeOfRepository } from '../pins';

/** 'latest' or no tag (and no digest). Variables and scratch are not images we can judge. */
export function floatingTag(image: string): boolean {
  if (!image || image.includes('$') || image === 'scratch' || image.includes('@sha256:')) return false;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon <= slash || image.slice(colon + 1) === 'latest';
}

export const FLOATING_TAG: Rule = {
  id: 'FLOATING_TAG',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const df = unit.dockerfile;
      const pins = readPins((f) => ctx.repo.readText(f), unit.dir);
      for (const stage of df?.stages ?? []) {
        const isStageRef = df!.stages.some((s) => s.index < stage.index && s.alias?.toLowerCase() === stage.image.toLowerCase());
        if (isStageRef || !floatingTag(stage.image)) continue;
        const name = stage.image.replace(/:latest$/, '');
        const runtime = runtimeOfRepository(name);
        const pin = runtime && pins.find((p) => p.runtime === runtime);
        const edits: TextEdit[] = [];
        if (pin && pinFloor(pin.spec)) {
          const text = df!.lines[stage.fromLine - 1];
          edits.push({ file: df!.path, line: stage.fromLine, newText: text.replace(stage.image, `${name}:${significant(pin.runtime, pinFloor(pin.spec)!)}`) });
        }
        out.push({
          id: 'FLOATING_TAG', severity: 'warning',
          title: `${stage.image} floats`,
          message: `${df!.path}:${stage.fromLine} builds on ${stage.image}${stage.image.includes(':') ? '' : ' (implicitly :latest)'}: the next build can silently move to a new major version.`,
          evidence: [dfEvidence(df!, stage.fromLine)],
          fix: { text: `Pin a version tag${pin ? ` (${name}:${significant(pin.runtime, pinFloor(pin.spec)!)} matches ${pin.file})` : ''}, ideally with a digest.`, ...(edits.length ? { edits } : {}) },
          app: unit.dir || '.',
        });
      }
      for (const w of unit.kube.workloads) {
        for (const c of w.containers) {
          if (!c.image || !floatingTag(c.image)) continue;
          out.push({
            id: 'FLOATING_TAG', severity: 'warning',
            title: `${c.image} floats in ${w.kind} ${w.name}`,
            message: `${w.file}:${c.imageLine ?? w.line} deploys ${c.image}: each node may pull a different build, and a rollback cannot return to the old one.`,
            evidence: [{ file: w.file, line: c.imageLine ?? w.line, excerpt: `image: ${c.image}` }],
            fix: { text: 'Deploy an immutable tag (version or git SHA) or a digest.' },
            app: unit.dir || '.',
          });
        }
      }
    }
    return out;
  },
};

