// `RUN apt-get install` in an Alpine stage (or `apk add` on Debian, `yum` on Debian…): the build fails
// with `apt-get: not found`.
import type { Finding, TextEdit } from '../../model';
import type { DriftContext } from '../context';
import { dfEvidence } from '../helpers';
import type { Rule } from '../rule';
import { distroFromImage } from '../../platform/distros';
import { instructions } from '../../manifests/dockerfile';

const MANAGER_FAMILY: Record<string, string> = { 'apt-get': 'debian', apt: 'debian', 'dpkg': 'debian', apk: 'alpine', yum: 'rhel', dnf: 'rhel', microdnf: 'rhel' };
const NATIVE: Record<string, string> = { debian: 'apt-get', alpine: 'apk', rhel: 'dnf', distroless: 'none' };
const TO_APK: Record<string, string> = { 'build-essential': 'build-base', 'libpq-dev': 'postgresql-dev', libpq5: 'libpq', 'python3-dev': 'python3-dev', 'ca-certificates': 'ca-certificates', curl: 'curl', git: 'git', tzdata: 'tzdata', 'libffi-dev': 'libffi-dev', 'libssl-dev': 'openssl-dev', openssl: 'openssl', 'pkg-config': 'pkgconf', make: 'make', 'g++': 'g++', gcc: 'gcc', bash: 'bash', 'libvips-dev': 'vips-dev', 'libjpeg-dev': 'libjpeg-turbo-dev' };

export function managersIn(run: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;&|(]\s*|\bsudo\s+)(apt-get|apt|apk|yum|dnf|microdnf)\s+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run))) if (!found.includes(m[1])) found.push(m[1]);
  return found;
}

export const PKG_MANAGER: Rule = {
  id: 'PKG_MANAGER',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const df = unit.dockerfile;
      for (const stage of df?.stages ?? []) {
        const guess = distroFromImage(stage.baseImage);
        if (!guess) continue;
        const family = guess.distro.family;
        for (const run of instructions(stage, 'RUN')) {
          const minimal = family === 'rhel' && /ubi\d*-minimal|ubi-minimal|-minimal:/.test(stage.baseImage.toLowerCase());
          for (const mgr of managersIn(run.args)) {
            if (MANAGER_FAMILY[mgr] === family && !(minimal && (mgr === 'dnf' || mgr === 'yum'))) continue;
            if (minimal && (mgr === 'dnf' || mgr === 'yum')) {
              const text = df!.lines[run.line - 1];
              out.push({
                id: 'PKG_MANAGER', severity: 'error',
                title: `${mgr} in a UBI minimal stage`,
                message: `${df!.path}:${run.line} runs ${mgr}, but ${stage.baseImage} is a minimal image that only has microdnf: the build fails with "${mgr}: command not found".`,
                evidence: [dfEvidence(df!, run.line), dfEvidence(df!, stage.fromLine)],
                fix: { text: 'Use microdnf (same package names), or the full UBI image.', ...(run.line === run.endLine ? { edits: [{ file: df!.path, line: run.line, newText: text.replace(new RegExp(`\\b${mgr}\\b`, 'g'), 'microdnf') }] } : {}) },
                app: unit.dir || '.',
              });
              continue;
            }
            const edits: TextEdit[] = [];
            if (family === 'alpine' && (mgr === 'apt-get' || mgr === 'apt') && run.line === run.endLine) {
              const pkgs = /install\s+((?:-\S+\s+)*)([^;&|]+)/.exec(run.args)?.[2]?.trim().split(/\s+/).filter((p) => !p.startsWith('-')) ?? [];
              if (pkgs.length && pkgs.every((p) => TO_APK[p])) edits.push({ file: df!.path, line: run.line, newText: `RUN apk add --no-cache ${pkgs.map((p) => TO_APK[p]).join(' ')}` });
            }
            out.push({
              id: 'PKG_MANAGER', severity: 'error',
              title: `${mgr} in a ${guess.distro.name} stage`,
              message: `${df!.path}:${run.line} runs ${mgr}, but the stage builds on ${stage.baseImage} (${guess.why}), whose package manager is ${NATIVE[family] ?? guess.distro.packageManager}: the build fails with "${mgr}: not found".`,
              evidence: [dfEvidence(df!, run.line), dfEvidence(df!, stage.fromLine)],
              fix: { text: family === 'distroless' ? 'Install packages in a build stage and copy the files; distroless has no package manager.' : `Use ${NATIVE[family]} with ${family} package names, or a ${MANAGER_FAMILY[mgr]}-based image.`, ...(edits.length ? { edits } : {}) },
              app: unit.dir || '.',
            });
          }
        }
      }
    }
    return out;
  },
};
