// A tiny test runner for code that runs inside the VS Code extension host, where Node's test runner
// cannot report back. Each result is printed on one console line the driver parses into its own subtests.
export const RESULT_PREFIX = 'PARITY-SUITE';

type TestFn = () => Promise<void> | void;

/** Thrown by a test whose prerequisite (e.g. a Docker engine) is absent; reported as skipped, not passed. */
export class Skip extends Error {}
const tests: { name: string; fn: TestFn; timeoutMs?: number }[] = [];

export function test(name: string, fn: TestFn, options: { timeoutMs?: number } = {}): void {
  tests.push({ name, fn, timeoutMs: options.timeoutMs });
}

export interface Result { name: string; ok: boolean; error?: string; skipped?: string; ms: number }

/** Runs every registered test in order; prints one JSON line per result and returns the results. */
export async function runAll(timeoutMs = 60_000): Promise<Result[]> {
  const results: Result[] = [];
  // PARITY_SUITE=<regexp> runs only the tests whose name matches (one suite while developing: the
  // server and the engine are shared; the whole suite runs in CI).
  const only = process.env.PARITY_SUITE ? new RegExp(process.env.PARITY_SUITE, 'i') : undefined;
  for (const t of tests.filter((x) => !only || only.test(x.name))) {
    const start = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs ?? timeoutMs} ms`)), t.timeoutMs ?? timeoutMs); }),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - start });
    } catch (err) {
      if (err instanceof Skip) results.push({ name: t.name, ok: true, skipped: err.message, ms: Date.now() - start });
      else results.push({ name: t.name, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err), ms: Date.now() - start });
    } finally {
      clearTimeout(timer);
    }
    console.log(`${RESULT_PREFIX} ${JSON.stringify(results[results.length - 1])}`);
  }
  return results;
}
