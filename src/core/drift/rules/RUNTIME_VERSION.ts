// The runtime version the project pins (.nvmrc, engines, .python-version, go.mod, maven release) differs
// from the base image tag, the image's installed runtime, or the developer's runtime.
import type { Evidence, Finding, TextEdit } from '../../model';
import { compareVersions, NODE_ABI_MAJOR } from '../../elf';
import { artifactRelevant, describeElf, locEvidence } from '../helpers';
import { finalStage } from '../../manifests/dockerfile';
import type { DriftContext } from '../context';
import { dfEvidence } from '../helpers';
import type { Rule } from '../rule';
import { pinFloor, readPins, runtimeOfImage, significant, type RuntimePin } from '../pins';
import { moduleOf } from '../../ecosystems';


function conflicts(pin: RuntimePin, version: string): boolean {
  const floor = pinFloor(pin.spec);
  if (!floor) return false;
  if (pin.kind === 'min') return compareVersions(significant(pin.runtime, version), significant(pin.runtime, floor)) < 0;
  return significant(pin.runtime, version) !== significant(pin.runtime, floor);
}

/** The ecosystem's words for what a mismatch breaks, after `sep`, or nothing. */
function hint(pin: RuntimePin, kind: 'belowFloor' | 'mismatch', sep: string): string {
  const text = moduleOf(pin.runtime).versionHints?.[kind];
  return text ? sep + text : '';
}

function pinEvidence(pin: RuntimePin) {
  return { file: pin.file, ...(pin.line ? { line: pin.line } : {}), excerpt: `${pin.runtime} ${pin.spec}` };
}

export const RUNTIME_VERSION: Rule = {
  id: 'RUNTIME_VERSION',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const pins = readPins((f) => ctx.repo.readText(f), unit.dir);
      if (!pins.length) continue;
      const df = unit.dockerfile;
      for (const stage of df?.stages ?? []) {
        const rt = runtimeOfImage(stage.image);
        const pin = rt && pins.find((p) => p.runtime === rt.runtime);
        if (!rt || !pin || !conflicts(pin, rt.version)) continue;
        const floor = significant(pin.runtime, pinFloor(pin.spec)!);
        const severity = pin.kind === 'min' ? 'error' : 'warning';
        const edits: TextEdit[] = [];
        if (pin.kind === 'exact') {
          const newImage = stage.image.replace(/:(\d+(?:\.\d+){0,2})/, `:${floor}`);
          const text = df!.lines[stage.fromLine - 1];
          if (text.includes(stage.image)) edits.push({ file: df!.path, line: stage.fromLine, newText: text.replace(stage.image, newImage) });
        }
        out.push({
          id: 'RUNTIME_VERSION', severity,
          title: `${pin.runtime} ${pin.spec} in ${pin.file}, ${rt.version} in the image`,
          message: pin.kind === 'min'
            ? `${pin.file} requires ${pin.runtime} ${pin.spec}, but ${df!.path}:${stage.fromLine} builds on ${stage.image} (${pin.runtime} ${rt.version})${hint(pin, 'belowFloor', ': ')}.`
            : `The project pins ${pin.runtime} ${pin.spec} (${pin.file}) but ${df!.path}:${stage.fromLine} uses ${stage.image}. What you test locally is not what runs${hint(pin, 'mismatch', '; ')}.`,
          evidence: [pinEvidence(pin), dfEvidence(df!, stage.fromLine)],
          fix: { text: `Use ${pin.runtime} ${floor} in the image (or move the pin, if the image is the intended version).`, ...(edits.length ? { edits } : {}) },
          app: unit.dir || '.',
        });
      }
      const img = ctx.image;
      for (const pin of pins) {
        const v = img?.runtimes[pin.runtime];
        if (img && v && conflicts(pin, v) && !df?.stages.some((s) => runtimeOfImage(s.image)?.runtime === pin.runtime && conflicts(pin, runtimeOfImage(s.image)!.version))) {
          out.push({
            id: 'RUNTIME_VERSION', severity: pin.kind === 'min' ? 'error' : 'warning',
            title: `${pin.runtime} ${pin.spec} pinned, image has ${v}`,
            message: `Image ${img.ref} carries ${pin.runtime} ${v}, but ${pin.file} pins ${pin.spec}.`,
            evidence: [pinEvidence(pin), { image: img.ref, path: pin.runtime, excerpt: v }],
            fix: { text: `Rebuild the image on ${pin.runtime} ${significant(pin.runtime, pinFloor(pin.spec)!)}.` },
            app: unit.dir || '.',
          });
        }
        const hv = ctx.host?.runtimes[moduleOf(pin.runtime).host?.binary ?? pin.runtime] ?? ctx.host?.runtimes[pin.runtime];
        if (hv && conflicts(pin, hv)) {
          out.push({
            id: 'RUNTIME_VERSION', severity: 'info',
            title: `this machine runs ${pin.runtime} ${hv}, project pins ${pin.spec}`,
            message: `You develop and test with ${pin.runtime} ${hv}; ${pin.file} pins ${pin.spec}. Native modules and lockfiles produced here may not match production.`,
            evidence: [pinEvidence(pin)],
            fix: { text: moduleOf(pin.runtime).versionHints?.switchLocally ?? `Install ${pin.runtime} ${pin.spec} locally (pyenv, asdf, sdkman…).` },
            app: unit.dir || '.',
          });
        }
      }
    }
    out.push(...addonAbi(ctx), ...classVersions(ctx));
    return out;
  },
};

/** Runtime version where a unit's code runs: the probed image, else the final stage's base image tag. */
function runtimeVersion(ctx: DriftContext, unitDir: string | undefined, runtime: 'node' | 'java'): { version: string; evidence: Evidence } | undefined {
  const img = ctx.image;
  if (img?.runtimes[runtime]) return { version: img.runtimes[runtime], evidence: { image: img.ref, path: runtime, excerpt: img.runtimes[runtime] } };
  const unit = ctx.units.find((u) => u.dir === unitDir);
  const df = unit?.dockerfile;
  const stage = df && finalStage(df);
  const rt = stage && runtimeOfImage(stage.baseImage);
  if (df && stage && rt?.runtime === runtime) return { version: rt.version, evidence: dfEvidence(df, stage.fromLine) };
  return undefined;
}

/** Classic Node addons are tied to one NODE_MODULE_VERSION; loading them in another Node major fails. */
function addonAbi(ctx: DriftContext): Finding[] {
  const out: Finding[] = [];
  for (const a of ctx.artifacts) {
    if (!a.nodeAbi || !artifactRelevant(ctx, a)) continue;
    const built = NODE_ABI_MAJOR[a.nodeAbi];
    const unit = 'file' in a.location ? ctx.unitOf(a.location.file) : undefined;
    const rt = runtimeVersion(ctx, unit?.dir, 'node');
    if (!built || !rt || Number(rt.version.split('.')[0]) === built) continue;
    const needAbi = Object.entries(NODE_ABI_MAJOR).find(([, m]) => m === Number(rt.version.split('.')[0]))?.[0];
    out.push({
      id: 'RUNTIME_VERSION', severity: 'error',
      title: `addon built for Node ${built}, runs on Node ${rt.version}`,
      message: `${describeElf(a)} was compiled against a different Node.js version: NODE_MODULE_VERSION ${a.nodeAbi} (Node ${built}); Node ${rt.version} requires NODE_MODULE_VERSION ${needAbi ?? '(another)'}. It fails to load.`,
      evidence: [locEvidence(a.location, `node_register_module_v${a.nodeAbi}`), rt.evidence],
      fix: { text: `Rebuild native modules for Node ${rt.version.split('.')[0]} (npm rebuild / npm ci inside the image), and keep host node_modules out of the build context.` },
      app: unit ? unit.dir || '.' : undefined,
    });
  }
  return out;
}

/** Classes compiled for a newer Java release than the runtime image: UnsupportedClassVersionError. */
function classVersions(ctx: DriftContext): Finding[] {
  const out: Finding[] = [];
  for (const c of ctx.input.javaClasses ?? []) {
    const unit = 'file' in c.location ? ctx.unitOf(c.location.file) : undefined;
    const rt = runtimeVersion(ctx, unit?.dir, 'java');
    if (!rt || Number(rt.version.split('.')[0]) >= c.release) continue;
    out.push({
      id: 'RUNTIME_VERSION', severity: 'error',
      title: `classes compiled for Java ${c.release}, runtime is Java ${rt.version}`,
      message: `${'file' in c.location ? c.location.file : c.location.path} has class file version ${c.release + 44} (Java ${c.release}); the runtime image has Java ${rt.version}: "UnsupportedClassVersionError".`,
      evidence: [locEvidence(c.location, `class file major ${c.release + 44}`), rt.evidence],
      fix: { text: `Run on a Java ${c.release}+ image (e.g. eclipse-temurin:${c.release}-jre) or compile with --release ${rt.version.split('.')[0]}.` },
      app: unit ? unit.dir || '.' : undefined,
    });
  }
  return out;
}
