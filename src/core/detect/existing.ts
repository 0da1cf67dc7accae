// Existing Dockerfile, compose and Kubernetes files of an app. (placeholder)
import type { ExistingArtifacts } from '../model';
import type { AppContext } from './context';

export function findExisting(_ctx: AppContext): ExistingArtifacts {
  return {};
}
