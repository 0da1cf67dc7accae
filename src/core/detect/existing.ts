// Existing Dockerfile, compose and Kubernetes files of an app, so later steps compare instead of
// clobbering. Paths are relative to the app folder (like every file name an AppContext takes).
import type { ExistingArtifacts } from '../model';
import { parseDockerfile } from '../parse/dockerfile';
import type { AppContext } from './context';

const DOCKERFILE = /^(dockerfile|containerfile)$|^dockerfile\.[\w.-]+$|\.(dockerfile|containerfile)$/i;
const COMPOSE = /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/;
const YAML = /\.ya?ml$/i;
const MANIFEST_HINT = /^apiVersion\s*:\s*\S/m;
const KIND_HINT = /^kind\s*:\s*\S/m;

export function findExisting(ctx: AppContext): ExistingArtifacts {
  const out: ExistingArtifacts = {};
  const dockerfile = pickDockerfile(ctx.files);
  if (dockerfile) {
    const text = ctx.read(dockerfile);
    if (text !== undefined) {
      const parsed = parseDockerfile(text);
      for (const problem of parsed.problems.slice(0, 3)) ctx.warn(dockerfile, problem);
      out.dockerfile = { path: dockerfile, ...parsed.dockerfile };
    }
  }
  const compose = ctx.files.filter((f) => COMPOSE.test(baseName(f)));
  for (const f of compose) ctx.yaml(f); // malformed compose files become warnings
  if (compose.length) out.compose = compose;
  const kubernetes = ctx.files.filter((f) => YAML.test(f) && !COMPOSE.test(baseName(f)) && isManifest(ctx, f));
  if (kubernetes.length) out.kubernetes = kubernetes;
  return out;
}

/** The app's Dockerfile: shallowest first; at one depth `Dockerfile`, then `Containerfile`, then variants. */
export function pickDockerfile(files: readonly string[]): string | undefined {
  const rank = (f: string) => {
    const b = baseName(f).toLowerCase();
    return b === 'dockerfile' ? 0 : b === 'containerfile' ? 1 : 2;
  };
  const depth = (f: string) => f.split('/').length;
  return files
    .filter((f) => DOCKERFILE.test(baseName(f)))
    .sort((a, b) => depth(a) - depth(b) || rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

/** A YAML file with a top-level `apiVersion` and `kind` (Helm templates with `{{ }}` are not manifests). */
function isManifest(ctx: AppContext, file: string): boolean {
  const text = ctx.read(file);
  if (text === undefined || !MANIFEST_HINT.test(text) || !KIND_HINT.test(text) || text.includes('{{')) return false;
  const docs = ctx.yaml(file);
  if (docs === undefined) return true; // looks like a manifest but does not parse: listed, with a warning
  return docs.some((d) => d !== null && typeof d === 'object' && typeof (d as Record<string, unknown>).apiVersion === 'string' && typeof (d as Record<string, unknown>).kind === 'string');
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
