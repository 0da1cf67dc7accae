// Go version pins: the go.mod `go` directive (a floor since Go 1.21).
import { pinPath, type PinReader } from '../../pins';

export const pins: PinReader = (read, dir) => {
  const gomod = read(pinPath(dir, 'go.mod'));
  const lines = gomod?.split('\n') ?? [];
  const at = lines.findIndex((l) => /^go\s+\d/.test(l));
  if (at < 0) return [];
  return [{ runtime: 'go', spec: lines[at].trim().split(/\s+/)[1], file: pinPath(dir, 'go.mod'), line: at + 1, key: 'go', kind: 'min' }];
};
