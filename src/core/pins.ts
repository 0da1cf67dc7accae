// Version pins: every place a project declares the runtime version it wants, with a structured source.
// Each ecosystem's module has the one reader of its pins (ecosystems/<id>/pins.ts); detection takes the
// winner (the first usable pin, in the module's order of precedence) and drift checks all of them.
import type { Ecosystem } from './model';

/** Where a pin is written: a root-relative file, its 1-based line when known, the key inside structured files. */
export interface PinSource { file: string; line?: number; key?: string }

export interface RuntimePin extends PinSource {
  runtime: Ecosystem;
  /** As written (`18`, `>=18 <21`, `3.11`, `1.22`, `17`). */
  spec: string;
  /** `exact` pins one major(.minor); `min` is a floor (`>=18`, Java `release`, go.mod `go`). */
  kind: 'exact' | 'min';
}

/** Reads the pins of the app in `dir` (relative to the scanned root), in order of precedence. */
export type PinReader = (read: (file: string) => string | undefined, dir: string) => RuntimePin[];

/** `dir` + `file` as a root-relative path. */
export function pinPath(dir: string, file: string): string {
  return dir ? `${dir}/${file}` : file;
}

/** The first non-empty whole-file pin among `files` (`.nvmrc`, `.python-version`…), if any. */
export function wholeFilePin(read: (file: string) => string | undefined, dir: string, runtime: Ecosystem, files: string[]): RuntimePin | undefined {
  for (const f of files) {
    const t = read(pinPath(dir, f))?.trim();
    if (t) return { runtime, spec: t.split(/\s+/)[0].replace(/^v/, ''), file: pinPath(dir, f), kind: 'exact' };
  }
  return undefined;
}

/** Lowest version a pin spec names (`>=18.17 <21` → `18.17`, `^20` → `20`, `3.11.4` → `3.11.4`). */
export function pinFloor(spec: string): string | undefined {
  return /(\d+(?:\.\d+)*)/.exec(spec)?.[1];
}
