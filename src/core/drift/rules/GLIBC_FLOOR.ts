// A binary needs newer glibc / libstdc++ symbol versions than the runtime has:
// `/lib64/libc.so.6: version 'GLIBC_2.28' not found`.
import type { Finding } from '../../model';
import { compareVersions, libcOf, maxVersionNeeded } from '../../elf';
import type { DriftContext } from '../context';
import { artifactRelevant, describeElf, locEvidence } from '../helpers';
import type { Rule } from '../rule';
import { envForArtifact } from './LIBC_FAMILY';

export const GLIBC_FLOOR: Rule = {
  id: 'GLIBC_FLOOR',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const a of ctx.artifacts) {
      if (!a.elf || !artifactRelevant(ctx, a) || libcOf(a.elf) === 'musl') continue;
      const env = envForArtifact(ctx, a);
      if (env.libc !== 'glibc') continue;
      const checks: [string, string | undefined, string | undefined, string][] = [
        ['GLIBC_', maxVersionNeeded(a.elf, 'GLIBC_'), env.libcVersion, 'glibc'],
        ['GLIBCXX_', maxVersionNeeded(a.elf, 'GLIBCXX_'), env.distro?.glibcxx, 'libstdc++'],
        ['CXXABI_', maxVersionNeeded(a.elf, 'CXXABI_'), env.distro?.cxxabi, 'libstdc++ C++ ABI'],
      ];
      const too = checks.filter(([, need, have]) => need && have && compareVersions(need, have) > 0);
      if (!too.length) continue;
      const [prefix, need, have, lib] = too[0];
      const lines = too.map(([p, n, h, l]) => `${p}${n} (${l} there provides up to ${p}${h})`).join('; ');
      out.push({
        id: 'GLIBC_FLOOR', severity: 'error',
        title: `needs ${prefix}${need}, ${env.label} has ${lib} ${have}`,
        message: `${describeElf(a)} requires ${lines}. On ${env.label} it fails with "version \`${prefix}${need}' not found".`,
        evidence: [locEvidence(a.location, `.gnu.version_r requires ${too.map(([p, n]) => p + n).join(', ')}`), env.evidence],
        fix: { text: `Build it on (or for) the oldest system it must run on — e.g. inside a ${env.distro?.name ?? 'target-OS'} container or a manylinux image with glibc ≤ ${env.libcVersion} — or move the target to an OS with glibc ≥ ${checks[0][1] ?? need}.` },
        app: 'file' in a.location ? (ctx.unitOf(a.location.file)?.dir || '.') : undefined,
      });
    }
    return out;
  },
};
