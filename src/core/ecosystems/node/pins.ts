// Node.js version pins: .nvmrc / .node-version, else package.json engines.node (a range is a floor).
import { parseJson, asRecord, asString } from '../../parse/structured';
import { pinPath, wholeFilePin, type PinReader, type RuntimePin } from '../../pins';

export const pins: PinReader = (read, dir) => {
  const file = wholeFilePin(read, dir, 'node', ['.nvmrc', '.node-version']);
  if (file) return [file];
  const text = read(pinPath(dir, 'package.json'));
  const parsed = text === undefined ? undefined : parseJson(text);
  const engines = asString(asRecord(asRecord(parsed?.ok ? parsed.value : undefined)?.engines)?.node);
  if (!engines) return [];
  const line = text!.split('\n').findIndex((l) => /"node"\s*:/.test(l)) + 1;
  const pin: RuntimePin = {
    runtime: 'node', spec: engines, file: pinPath(dir, 'package.json'), ...(line ? { line } : {}), key: 'engines.node',
    kind: /^[\^~]?\d+(\.[\dx*]+)*$/.test(engines.trim()) ? 'exact' : 'min',
  };
  return [pin];
};
