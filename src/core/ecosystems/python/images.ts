// Python images: official python images on Debian (slim) and Alpine, UBI python images on RHEL.
import { alp, both, deb, ubi, type ImageTable } from '../../platform/image-rules';

export const images: ImageTable = {
  defaultVersion: '3.12',
  tagParts: 2,
  agreeParts: 2,
  ubiVersions: ['3.9', '3.11', '3.12'],
  pick(family, v) {
    if (family === 'rhel') return both(ubi(`python-${v.replace('.', '')}:1`));
    if (family === 'alpine') return both(alp(`python:${v}-alpine`));
    return both(deb(`python:${v}-slim-bookworm`));
  },
  repositories: ['python'],
  debianTag: (v) => `${v ? v + '-' : ''}slim-bookworm`,
  // the official Python images install tzdata, slim ones included
  tzdata: true,
};
