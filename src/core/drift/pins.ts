// Runtime versions the project pins, read from the files each ecosystem uses, and the runtime version a
// base image tag implies (`node:20-alpine` → node 20). Both keep their source for evidence.
import { parseJson, asRecord, asString } from '../parse/structured';
import { parseXml } from '../parse/structured';

export type Runtime = 'node' | 'python' | 'go' | 'java' | 'ruby' | 'php' | 'dotnet';

export interface RuntimePin {
  runtime: Runtime;
  /** As written (`18`, `>=18 <21`, `3.11`, `1.22`, `17`). */
  spec: string;
  file: string;
  line?: number;
  /** `exact` pins one major(.minor); `min` is a floor (`>=18`, Java `release`, go.mod `go`). */
  kind: 'exact' | 'min';
}

/** Files per runtime, read in order of precedence (the first found wins). */
export function readPins(read: (file: string) => string | undefined, dir: string): RuntimePin[] {
  const p = (f: string) => (dir ? `${dir}/${f}` : f);
  const pins: RuntimePin[] = [];
  const first = (runtime: Runtime, files: string[], kind: RuntimePin['kind'] = 'exact') => {
    for (const f of files) {
      const t = read(p(f))?.trim();
      if (t) {
        pins.push({ runtime, spec: t.split(/\s+/)[0].replace(/^v/, ''), file: p(f), kind });
        return true;
      }
    }
    return false;
  };
  if (!first('node', ['.nvmrc', '.node-version'])) {
    const pkg = asRecord(parseJsonOk(read(p('package.json'))));
    const engines = asString(asRecord(pkg?.engines)?.node);
    if (engines) {
      const text = read(p('package.json')) ?? '';
      const line = text.split('\n').findIndex((l) => /"node"\s*:/.test(l)) + 1;
      pins.push({ runtime: 'node', spec: engines, file: p('package.json'), line: line || undefined, kind: /^[\^~]?\d+(\.[\dx*]+)*$/.test(engines.trim()) ? 'exact' : 'min' });
    }
  }
  first('python', ['.python-version']);
  const gomod = read(p('go.mod'));
  const goLine = gomod?.split('\n').findIndex((l) => /^go\s+\d/.test(l));
  if (gomod && goLine !== undefined && goLine >= 0) pins.push({ runtime: 'go', spec: gomod.split('\n')[goLine].trim().split(/\s+/)[1], file: p('go.mod'), line: goLine + 1, kind: 'min' });
  first('ruby', ['.ruby-version']);
  const pom = read(p('pom.xml'));
  if (pom) {
    const parsed = parseXml(pom);
    const props = parsed.ok ? asRecord(asRecord(parsed.value.project)?.properties) : undefined;
    const release = asString(props?.['maven.compiler.release']) ?? asString(props?.['java.version']) ?? asString(props?.['maven.compiler.target']);
    if (release) {
      const line = pom.split('\n').findIndex((l) => /<(maven\.compiler\.release|java\.version|maven\.compiler\.target)>/.test(l)) + 1;
      pins.push({ runtime: 'java', spec: release.replace(/^1\./, ''), file: p('pom.xml'), line: line || undefined, kind: 'min' });
    }
  }
  return pins;
}

function parseJsonOk(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const r = parseJson(text);
  return r.ok ? r.value : undefined;
}

const IMAGE_RUNTIME: [RegExp, Runtime][] = [
  [/^(?:.*\/)?node$/, 'node'],
  [/^(?:.*\/)?python$/, 'python'],
  [/^(?:.*\/)?golang$/, 'go'],
  [/^(?:.*\/)?(?:eclipse-temurin|openjdk|amazoncorretto|ibm-semeru-runtimes|sapmachine)$/, 'java'],
  [/^(?:.*\/)?ruby$/, 'ruby'],
  [/^(?:.*\/)?php$/, 'php'],
];

/** Runtime and version a base image tag implies: `node:20.11-alpine` → node 20.11; undefined if unknown. */
export function runtimeOfImage(ref: string): { runtime: Runtime; version: string } | undefined {
  const clean = ref.split('@')[0];
  const slash = clean.lastIndexOf('/');
  const colon = clean.lastIndexOf(':');
  if (colon <= slash) return undefined;
  const name = clean.slice(0, colon).toLowerCase();
  const tag = clean.slice(colon + 1);
  const hit = IMAGE_RUNTIME.find(([re]) => re.test(name));
  if (!hit) return undefined;
  const v = /^(\d+(?:\.\d+){0,2})/.exec(tag)?.[1];
  return v ? { runtime: hit[1], version: v } : undefined;
}

/** Major (node, java) or major.minor (python, go, ruby, php) — the part that must agree. */
export function significant(runtime: Runtime, version: string): string {
  const parts = version.split('.');
  return runtime === 'node' || runtime === 'java' || runtime === 'dotnet' ? parts[0] : parts.slice(0, 2).join('.');
}

/** Lowest version a pin spec names (`>=18.17 <21` → `18.17`, `^20` → `20`, `3.11.4` → `3.11.4`). */
export function pinFloor(spec: string): string | undefined {
  return /(\d+(?:\.\d+)*)/.exec(spec)?.[1];
}
