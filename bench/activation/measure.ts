// Runs inside the VS Code extension host (as an extensionTestsPath module): requires the staged extension
// bundle and calls activate() with a context, timing both, cold first and then warm (module cache
// cleared, every disposable released between runs). Wall time and the process's CPU time are both
// recorded: on a loaded machine wall time mostly measures waiting for a core. Prints one JSON line.
import * as path from 'node:path';
import * as vscode from 'vscode';

import { BENCH_PREFIX } from './prefix';

export async function run(): Promise<void> {
  const bundle = process.env.PARITY_BENCH_BUNDLE ?? path.join(vscode.extensions.getExtension('parity-dev.parity')!.extensionPath, 'dist', 'extension.js');
  const runs: { requireMs: number; activateMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < 6; i++) {
    delete require.cache[require.resolve(bundle)];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const mod = require(bundle) as { activate(ctx: unknown): unknown };
    const t1 = performance.now();
    const subscriptions: vscode.Disposable[] = [];
    mod.activate({ subscriptions, extensionUri: vscode.Uri.file(path.dirname(path.dirname(bundle))), extensionPath: path.dirname(path.dirname(bundle)) });
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    runs.push({ requireMs: t1 - t0, activateMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000 });
    for (const d of subscriptions) d.dispose();
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`${BENCH_PREFIX} ${JSON.stringify({ bundle, runs })}`);
}
