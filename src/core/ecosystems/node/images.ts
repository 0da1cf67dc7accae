// Node.js images (and Bun's, for apps whose package manager is bun): official node images on Debian and
// Alpine, UBI nodejs images on RHEL.
import { alp, both, deb, ubi, type ImageTable } from '../../platform/image-rules';

const BUN = '1.1';

export const images: ImageTable = {
  defaultVersion: '22',
  tagParts: 1,
  agreeParts: 1,
  ubiVersions: ['18', '20', '22'],
  pick(family, v) {
    if (family === 'rhel') return { build: ubi(`nodejs-${v}:1`), runtime: ubi(`nodejs-${v}-minimal:1`, 'microdnf') };
    if (family === 'alpine') return both(alp(`node:${v}-alpine`));
    return both(deb(`node:${v}-bookworm-slim`));
  },
  variant(req) {
    if (req.tool !== 'bun') return undefined;
    // For Bun apps the detected version is Bun's own (`1.1.20`).
    const warnings = req.family === 'rhel' ? ['Bun has no UBI image; using the Debian-based oven/bun image'] : [];
    const m = /(\d+)\.(\d+)/.exec(req.detected?.value ?? '');
    const version = m ? `${m[1]}.${m[2]}` : BUN;
    const image = req.family === 'alpine' ? alp(`oven/bun:${version}-alpine`) : deb(`oven/bun:${version}-slim`);
    const note = `Bun ${version}: ${req.detected ? `from ${req.detected.source}` : 'no version detected, using the default'}`;
    return { build: image, runtime: image, version, note, warnings };
  },
  repositories: ['node'],
  debianTag: (v) => `${v ? v + '-' : ''}bookworm-slim`,
};
