// Shared pieces of the rules: evidence for artifacts and Dockerfile lines, whether a project file ends up
// in the image (COPY minus .dockerignore), and the machine-applicable edits the rules offer.
import dockerignore from '@balena/dockerignore';
import type { Evidence, TextEdit } from '../model';
import { copyParts, finalStage, instructions, stageChain, type Instruction, type ParsedDockerfile } from '../manifests/dockerfile';
import type { DriftContext, Unit } from './context';
import type { ArtifactLocation, NativeArtifact } from './types';

export function locEvidence(loc: ArtifactLocation, excerpt?: string): Evidence {
  return 'file' in loc ? { file: loc.file, ...(excerpt ? { excerpt } : {}) } : { image: loc.image, path: loc.path, ...(excerpt ? { excerpt } : {}) };
}

export function locName(loc: ArtifactLocation): string {
  return 'file' in loc ? loc.file : `${loc.path} in ${loc.image}`;
}

export function dfEvidence(df: ParsedDockerfile, line: number): Evidence {
  return { file: df.path, line, excerpt: df.lines[line - 1]?.trim() };
}

export function dockerignoreFor(ctx: DriftContext, unit: Unit): { path: string; text?: string; matcher: { ignores(p: string): boolean } } {
  const dir = unit.dockerfile ? unit.dockerfile.path.slice(0, Math.max(0, unit.dockerfile.path.lastIndexOf('/'))) : unit.dir;
  const path = dir ? `${dir}/.dockerignore` : '.dockerignore';
  const text = ctx.repo.readText(path);
  const ig = dockerignore({ ignorecase: false });
  if (text) ig.add(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  return { path, text, matcher: ig };
}

/** COPY/ADD instructions of the final stage chain that take files from the build context. */
export function contextCopies(df: ParsedDockerfile): Instruction[] {
  const stage = finalStage(df);
  if (!stage) return [];
  return stageChain(df, stage).flatMap((s) => [...instructions(s, 'COPY'), ...instructions(s, 'ADD')]).filter((i) => !copyParts(i).from);
}

/**
 * Whether a project file reaches the running environment: with no Dockerfile the project is deployed
 * as it is (or through a generated image that copies it); with one, only when a context COPY covers it
 * and .dockerignore does not exclude it.
 */
export function shipsToRuntime(ctx: DriftContext, file: string): boolean {
  const unit = ctx.unitOf(file);
  const df = unit?.dockerfile;
  if (!unit || !df) return true;
  const ctxDir = df.path.includes('/') ? df.path.slice(0, df.path.lastIndexOf('/')) : '';
  const rel = ctxDir ? file.slice(ctxDir.length + 1) : file;
  const copies = contextCopies(df);
  const covered = copies.some((c) => copyParts(c).sources.some((s) => {
    const src = s.replace(/^\.\/?/, '').replace(/\/$/, '');
    return src === '' || src === '*' || rel === src || rel.startsWith(src + '/');
  }));
  return covered && !dockerignoreFor(ctx, unit).matcher.ignores(rel);
}

export function artifactRelevant(ctx: DriftContext, a: NativeArtifact): boolean {
  return !('file' in a.location) || shipsToRuntime(ctx, a.location.file);
}

/** Edit appending `entry` to the unit's .dockerignore (creating it when missing). */
export function dockerignoreEdit(ctx: DriftContext, unit: Unit, entry: string): TextEdit {
  const { path, text } = dockerignoreFor(ctx, unit);
  const lines = text === undefined ? 0 : text.replace(/\n$/, '').split('\n').length;
  return { file: path, line: lines + 1, insert: true, newText: `${entry}\n` };
}

/** Edit inserting lines right after the final stage's FROM (its base is where the packages go). */
export function afterFinalFrom(df: ParsedDockerfile, newText: string): TextEdit | undefined {
  const stage = finalStage(df);
  if (!stage) return undefined;
  const fromInstr = stage.instructions[0];
  return { file: df.path, line: fromInstr.endLine + 1, insert: true, newText };
}

/** Edit replacing the final stage's FROM line's image (keeps `--platform` and `AS name`). */
export function replaceFromImage(df: ParsedDockerfile, line: number, oldImage: string, newImage: string): TextEdit | undefined {
  const text = df.lines[line - 1];
  if (text === undefined || !text.includes(oldImage)) return undefined;
  return { file: df.path, line, newText: text.replace(oldImage, newImage) };
}

/** Install command for a family's package manager. */
export function installCommand(family: string, packages: string[]): string | undefined {
  const list = packages.join(' ');
  if (family === 'debian') return `RUN apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`;
  if (family === 'alpine') return `RUN apk add --no-cache ${list}`;
  if (family === 'rhel') return `RUN dnf install -y ${list} && dnf clean all`;
  return undefined;
}

/** Packages installed by RUN lines of the final stage chain (apt-get/apk/dnf/yum/microdnf install). */
export function installedByDockerfile(df: ParsedDockerfile): Set<string> {
  const out = new Set<string>();
  const stage = finalStage(df);
  if (!stage) return out;
  for (const s of stageChain(df, stage)) {
    for (const r of instructions(s, 'RUN')) {
      const re = /(?:apt-get|apt|apk|dnf|yum|microdnf)\s+(?:[-\w=]+\s+)*?(?:install|add)\s+([^;&|]+)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(r.args))) for (const w of m[1].split(/\s+/)) if (w && !w.startsWith('-')) out.add(w.replace(/[=<>].*$/, ''));
    }
  }
  return out;
}

/** e.g. `node_modules/sharp/build/Release/sharp.node (glibc, amd64)` */
export function describeElf(a: NativeArtifact): string {
  const e = a.elf;
  if (!e) return locName(a.location);
  const bits = [e.arch, e.interpreter ? `loader ${e.interpreter}` : undefined].filter(Boolean);
  return `${locName(a.location)} (${bits.join(', ')})`;
}
