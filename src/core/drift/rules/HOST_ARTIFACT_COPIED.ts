// Dependencies or build output installed on this machine copied into the image by `COPY . .`:
// node_modules built for macOS, a virtualenv pointing at the host's Python, stale binaries.
import type { Finding } from '../../model';
import type { DriftContext } from '../context';
import { contextCopies, dfEvidence, dockerignoreEdit, dockerignoreFor, locEvidence, shipsToRuntime } from '../helpers';
import type { Rule } from '../rule';
import { copyParts } from '../../manifests/dockerfile';

const HOST_DIRS = ['node_modules', '.venv', 'venv', '.tox', '__pycache__'];

export const HOST_ARTIFACT_COPIED: Rule = {
  id: 'HOST_ARTIFACT_COPIED',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const df = unit.dockerfile;
      if (!df) continue;
      const ctxDir = df.path.includes('/') ? df.path.slice(0, df.path.lastIndexOf('/')) : '';
      const copyAll = contextCopies(df).find((c) => copyParts(c).sources.some((s) => ['.', './', '*', './*'].includes(s)));
      if (!copyAll) continue;
      const ig = dockerignoreFor(ctx, unit);
      for (const dir of HOST_DIRS) {
        const rel = ctxDir ? `${ctxDir}/${dir}` : dir;
        if (!ctx.repo.exists(rel) || ig.matcher.ignores(dir) || ig.matcher.ignores(dir + '/x')) continue;
        const native = ctx.artifacts.filter((a) => 'file' in a.location && a.location.file.startsWith(rel + '/'));
        out.push({
          id: 'HOST_ARTIFACT_COPIED', severity: native.length ? 'error' : 'warning',
          title: `${dir} from this machine is copied into the image`,
          message: `${df.path}:${copyAll.line} copies the whole folder and ${ig.text === undefined ? 'there is no .dockerignore' : `${ig.path} does not exclude ${dir}`}, so ${rel} built on this machine${native.length ? ` (with ${native.length} native binar${native.length > 1 ? 'ies' : 'y'})` : ''} lands in the image and may shadow what the image installs.`,
          evidence: [dfEvidence(df, copyAll.line), { file: rel }, ...native.slice(0, 3).map((a) => locEvidence(a.location))],
          fix: { text: `Add ${dir} to ${ig.path} and install dependencies inside the image.`, edits: [dockerignoreEdit(ctx, unit, dir)] },
          app: unit.dir || '.',
        });
      }
    }
    for (const a of ctx.artifacts) {
      if (a.format === 'elf' || !('file' in a.location) || !shipsToRuntime(ctx, a.location.file)) continue;
      const unit = ctx.unitOf(a.location.file);
      if (!unit?.dockerfile) continue;
      const kind = a.format === 'macho' ? 'macOS (Mach-O)' : 'Windows (PE)';
      out.push({
        id: 'HOST_ARTIFACT_COPIED', severity: 'error',
        title: `${kind} binary in the build context`,
        message: `${a.location.file} is a ${kind} binary and is copied into a Linux image: "'${a.format === 'macho' ? 'darwin' : 'win32'}-x64' binaries cannot be used on the 'linux-x64' platform".`,
        evidence: [locEvidence(a.location, kind)],
        fix: { text: `Exclude it from the build context and build it inside the image.`, edits: [dockerignoreEdit(ctx, unit, a.location.file.slice(unit.dir ? unit.dir.length + 1 : 0))] },
        app: unit.dir || '.',
      });
    }
    return out;
  },
};
