// Base images by ecosystem id: each ecosystem's own table (ecosystems/<id>/images.ts) through the language-
// neutral rules of image-rules.ts, for callers that hold an ecosystem id rather than its module.
import type { Ecosystem } from '../model';
import { moduleOf } from '../ecosystems';
import { chooseImages, tagVersion as tagVersionOf, type ImageChoice, type ImageRequest } from './image-rules';

export type { BaseImage, ImageChoice, ImageRequest, PackageTool } from './image-rules';
export { nginxImage } from './image-rules';

export function tagVersion(ecosystem: Ecosystem, spec: string | undefined): { version: string; defaulted: boolean } {
  return tagVersionOf(moduleOf(ecosystem).images, spec);
}

/** Build and runtime base images for an app of an ecosystem. */
export function imagesFor(req: ImageRequest & { ecosystem: Ecosystem }): ImageChoice {
  const eco = moduleOf(req.ecosystem);
  return chooseImages(eco.images, eco.label, req);
}
