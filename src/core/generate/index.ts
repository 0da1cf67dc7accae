// Generation entry point (contract; implemented by the generation work).
import type { DetectResult, Family } from '../model';

export interface GenerateOptions {
  /** Base-image family: debian (default), rhel (UBI), alpine. */
  family: Family;
  /** Folder for Kubernetes manifests, relative to each app's folder. Default `deploy/k8s`. */
  k8sDir: string;
  /** Image tag used in manifests (never `latest`). Default `0.1.0`-style from the app version, else `dev`. */
  imageTag?: string;
  ingress?: boolean;
  hpa?: boolean;
  pdb?: boolean;
  /** BuildKit cache mounts in RUN steps (off by default so the legacy builder works). */
  cacheMounts?: boolean;
}

export type GeneratedKind = 'dockerfile' | 'dockerignore' | 'kubernetes' | 'compose';

export interface GeneratedFile {
  /** Path relative to the scanned root, `/`-separated. */
  path: string;
  content: string;
  kind: GeneratedKind;
  /** App folder the file belongs to; absent for the root compose file. */
  app?: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Problems found while generating (validation failures are errors and throw). */
  warnings: { file: string; message: string }[];
}

export function generate(_detected: DetectResult, _options: GenerateOptions): GenerateResult {
  throw new Error('generate: not implemented yet');
}
