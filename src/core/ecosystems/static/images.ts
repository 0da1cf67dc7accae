// Static sites are served by nginx (the same image a Node SPA's build output is served by).
import { both, nginxImage, type ImageTable } from '../../platform/image-rules';

export const images: ImageTable = {
  defaultVersion: '1.27',
  tagParts: 2,
  agreeParts: 2,
  pick: (family) => both(nginxImage(family)),
  // nginx carries no runtime a project pins.
  repositories: [],
};
