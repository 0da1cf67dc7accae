// A native artifact linked against one OpenSSL generation (libssl.so.1.1) where another is installed
// (OpenSSL 3): `Error loading shared library libssl.so.1.1`. Prisma engines say it in their file names.
import type { Finding } from '../../model';
import type { DriftContext } from '../context';
import { artifactRelevant, describeElf, locEvidence, locName } from '../helpers';
import type { Rule } from '../rule';
import { envForArtifact } from './LIBC_FAMILY';
import { opensslGeneration, opensslOfSoname } from '../sonames';

export const OPENSSL_ABI: Rule = {
  id: 'OPENSSL_ABI',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    const imageLibs = new Set(ctx.image?.libraries ?? []);
    for (const a of ctx.artifacts) {
      if (!artifactRelevant(ctx, a)) continue;
      const env = envForArtifact(ctx, a);
      const have = env.distro ? opensslGeneration(env.distro.openssl) : undefined;
      const fromSoname = a.elf?.needed.map((n) => ({ soname: n, gen: opensslOfSoname(n) })).find((x) => x.gen);
      const prisma = /openssl-(1\.0|1\.1|3\.0)\.x/.exec(locName(a.location));
      const need = fromSoname?.gen ?? (prisma ? opensslGeneration(prisma[1]) : undefined);
      if (!need) continue;
      if (env.kind === 'image' && fromSoname) {
        if (imageLibs.has(fromSoname.soname)) continue;
      } else if (!have || need === have) continue;
      const isPrisma = Boolean(prisma);
      const engineTarget = env.distro ? prismaTarget(env.distro.family, env.libc, have ?? '3') : undefined;
      out.push({
        id: 'OPENSSL_ABI', severity: 'error',
        title: `built for OpenSSL ${need}, ${env.label} has OpenSSL ${have ?? 'another version'}`,
        message: `${describeElf(a)} ${fromSoname ? `links ${fromSoname.soname}` : `is a Prisma engine for OpenSSL ${need}`}, but ${env.label} ships OpenSSL ${have ?? '(a different generation)'}: "Error loading shared library ${fromSoname?.soname ?? `libssl.so.${need}`}".`,
        evidence: [locEvidence(a.location, fromSoname ? `DT_NEEDED ${fromSoname.soname}` : `engine for openssl-${prisma![1]}.x`), env.evidence],
        fix: { text: isPrisma && engineTarget ? `Add "${engineTarget}" to binaryTargets in schema.prisma and regenerate the client.` : `Rebuild it against OpenSSL ${have} (install dependencies inside the image), or install the compatibility package for OpenSSL ${need}.` },
        app: 'file' in a.location ? (ctx.unitOf(a.location.file)?.dir || '.') : undefined,
      });
    }
    return out;
  },
};

function prismaTarget(family: string, libc: string, gen: string): string {
  const v = gen === '3' ? '3.0.x' : `${gen}.x`;
  if (libc === 'musl') return `linux-musl-openssl-${v}`;
  return `${family === 'rhel' ? 'rhel' : 'debian'}-openssl-${v}`;
}
