// Java version pins: the Maven compiler release (a floor: classes need at least that runtime).
import { asRecord, asString, parseXml } from '../../parse/structured';
import { pinPath, type PinReader } from '../../pins';

const KEYS = ['maven.compiler.release', 'java.version', 'maven.compiler.target'];

export const pins: PinReader = (read, dir) => {
  const pom = read(pinPath(dir, 'pom.xml'));
  if (!pom) return [];
  const parsed = parseXml(pom);
  const props = parsed.ok ? asRecord(asRecord(parsed.value.project)?.properties) : undefined;
  const key = KEYS.find((k) => asString(props?.[k]));
  if (!key) return [];
  const line = pom.split('\n').findIndex((l) => /<(maven\.compiler\.release|java\.version|maven\.compiler\.target)>/.test(l)) + 1;
  const spec = asString(props![key])!.replace(/^1\./, '');
  return [{ runtime: 'java', spec, file: pinPath(dir, 'pom.xml'), ...(line ? { line } : {}), key: `project.properties.${key}`, kind: 'min' }];
};
