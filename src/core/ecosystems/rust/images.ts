// Rust images: rust to build (UBI has no Rust image: plain UBI with rustup), a small distro image to run.
import { alp, deb, PINNED, ubiMinimal, type ImageTable } from '../../platform/image-rules';

export const images: ImageTable = {
  defaultVersion: '1.83',
  tagParts: 2,
  agreeParts: 2,
  pick(family, v) {
    if (family === 'rhel') return { build: { ref: PINNED.ubi, pkg: 'dnf', bash: true }, runtime: ubiMinimal };
    if (family === 'alpine') return { build: alp(`rust:${v}-alpine`), runtime: alp(PINNED.alpine) };
    return { build: deb(`rust:${v}-slim-bookworm`), runtime: deb(PINNED.debianSlim) };
  },
  repositories: ['rust'],
};
