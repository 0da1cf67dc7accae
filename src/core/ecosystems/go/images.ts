// Go images: golang to build, a small distro image to run the static binary.
import { alp, deb, PINNED, ubi, ubiMinimal, type ImageTable } from '../../platform/image-rules';

export const images: ImageTable = {
  defaultVersion: '1.23',
  tagParts: 2,
  agreeParts: 2,
  pick(family, v) {
    if (family === 'rhel') return { build: ubi(`go-toolset:${v}`), runtime: ubiMinimal };
    if (family === 'alpine') return { build: alp(`golang:${v}-alpine`), runtime: alp(PINNED.alpine) };
    return { build: deb(`golang:${v}-bookworm`), runtime: deb(PINNED.debianSlim) };
  },
  repositories: ['golang'],
};
