// Ruby images: official ruby images on Debian (slim) and Alpine, UBI ruby images on RHEL.
import { alp, both, deb, ubi, type ImageTable } from '../../platform/image-rules';

export const images: ImageTable = {
  defaultVersion: '3.3',
  tagParts: 2,
  agreeParts: 2,
  ubiVersions: ['3.0', '3.1', '3.3'],
  pick(family, v) {
    if (family === 'rhel') return both(ubi(`ruby-${v.replace('.', '')}:1`));
    if (family === 'alpine') return both(alp(`ruby:${v}-alpine`));
    return both(deb(`ruby:${v}-slim-bookworm`));
  },
  repositories: ['ruby'],
};
