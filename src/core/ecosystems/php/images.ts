// PHP images: Composer's image resolves dependencies; php:<v>-apache (Debian) or UBI php serves the app.
import { alp, deb, ubi, type ImageTable } from '../../platform/image-rules';

const COMPOSER = 'composer:2.8';

export const images: ImageTable = {
  defaultVersion: '8.3',
  tagParts: 2,
  agreeParts: 2,
  ubiVersions: ['8.0', '8.1', '8.2'],
  unavailable: {
    alpine: { use: 'debian', warning: 'the official PHP images have no Alpine Apache variant; using the Debian-based php:<version>-apache image' },
  },
  pick(family, v) {
    if (family === 'rhel') return { build: alp(COMPOSER), runtime: ubi(`php-${v.replace('.', '')}:1`) };
    return { build: alp(COMPOSER), runtime: deb(`php:${v}-apache-bookworm`) };
  },
  repositories: ['php'],
};
