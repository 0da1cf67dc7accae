// Reading one named file (a config, a hook, a .env) without trusting what is there: the type is checked
// on the open descriptor before any read (a FIFO or device never blocks, a folder is not an error), the
// size is capped, and `readInsideText` refuses a file whose real path leaves a given root.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Text of a regular file of at most maxBytes; undefined when missing, not a regular file, or larger. */
export function readRegularText(file: string, maxBytes = 1024 * 1024): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > maxBytes) return undefined;
      if (got === buf.length) break;
    }
    return buf.toString('utf8', 0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether `file`'s real path (links resolved) is under `root`'s real path. */
export function resolvesInside(root: string, file: string): boolean {
  try {
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(file);
    return real === realRoot || real.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}

/** readRegularText for a file that must stay under root: a link pointing outside reads as absent. */
export function readInsideText(root: string, file: string, maxBytes = 1024 * 1024): { text?: string; outside?: string } {
  if (!fs.existsSync(file)) return {};
  if (!resolvesInside(root, file)) {
    let real = file;
    try { real = fs.realpathSync(file); } catch { /* dangling */ }
    return { outside: real };
  }
  return { text: readRegularText(file, maxBytes) };
}
