// Python wheels whose platform tags do not fit where they run (macOS wheels copied from a laptop,
// manylinux wheels on musl, manylinux_2_28 on glibc 2.17): "… is not a supported wheel on this platform".
import type { Finding } from '../../model';
import { compareVersions } from '../../elf';
import { wheelFits } from '../../wheel';
import type { DriftContext } from '../context';
import { locEvidence, shipsToRuntime } from '../helpers';
import type { Rule } from '../rule';
import { normalizeArch } from '../../config';

export const WHEEL_TAG: Rule = {
  id: 'WHEEL_TAG',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    const arch = normalizeArch(ctx.image?.arch ?? ctx.target.arch);
    for (const w of ctx.wheels) {
      if ('file' in w.location && !shipsToRuntime(ctx, w.location.file)) continue;
      const unit = 'file' in w.location ? ctx.unitOf(w.location.file) : undefined;
      const env = ctx.runtimeOf(unit);
      if (env.libc === 'unknown') continue;
      if (wheelFits(w.needs, { libc: env.libc, libcVersion: env.libcVersion ?? '0', arch }, compareVersions)) continue;
      const tags = w.needs.map((n) => n.tag).join(', ');
      out.push({
        id: 'WHEEL_TAG', severity: 'error',
        title: `${w.name} wheel (${tags}) does not fit ${env.label}`,
        message: `${w.name} was installed from a wheel tagged ${tags}; ${env.label} is linux/${arch} with ${env.libc} ${env.libcVersion ?? ''}. It will not load there ("is not a supported wheel on this platform").`,
        evidence: [locEvidence(w.location, `Tag: ${tags}`), env.evidence],
        fix: { text: 'Install Python dependencies inside the image (pip install in the Dockerfile), not from this machine’s virtualenv; pin versions that publish wheels for the target (or build from source there).' },
        app: unit ? unit.dir || '.' : undefined,
      });
    }
    return out;
  },
};
