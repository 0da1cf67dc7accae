// bench/activation: how long the extension takes to load and activate in a real VS Code (the server from
// code-server 4.100.3, driven by Chromium), and how big its bundle and .vsix are.
// Target: bundle require + activate ≤ 25 ms. Usage: npm run bench:activation
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../test/helpers/paths';
import { missingPrerequisite } from '../../test/extension/harness/vscodeServer';
import { runExtensionSuite } from '../../test/extension/harness/runSuite';
import { stageExtensionAndSuite } from '../../test/extension/harness/stage';
import { BENCH_PREFIX } from './prefix';

const TARGET_MS = 25;

async function main(): Promise<void> {
  const missing = missingPrerequisite();
  if (missing) {
    console.error(`bench:activation needs the VS Code server: ${missing}`);
    process.exitCode = 2;
    return;
  }
  const staged = await stageExtensionAndSuite(path.join(__dirname, 'measure.ts'));
  // A workspace without parity.yaml, so VS Code itself does not activate the extension first.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-ws-'));
  try {
    const run = await runExtensionSuite({ workspace, extensionPath: staged.extensionPath, testsPath: staged.testsPath, timeoutMs: 120_000 });
    const line = run.console.find((l) => l.includes(BENCH_PREFIX + ' '));
    if (run.code !== 0 || !line) throw new Error(`bench run failed (exit ${run.code}):\n${run.console.join('\n')}`);
    const { runs } = JSON.parse(line.slice(line.indexOf(BENCH_PREFIX) + BENCH_PREFIX.length + 1)) as { runs: { requireMs: number; activateMs: number; cpuMs: number }[] };
    const bundleBytes = fs.statSync(path.join(staged.extensionPath, 'dist', 'extension.js')).size;
    const cold = runs[0];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const warm = runs.slice(1);
    const total = cold.requireMs + cold.activateMs;
    console.log(`machine load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    console.log(`bundle dist/extension.js (parsed at activation): ${(bundleBytes / 1024).toFixed(0)} KiB; lazy chunks: ${['engine.js', 'runner.js'].map((c) => `${c} ${(fs.statSync(path.join(staged.extensionPath, 'dist', c)).size / 1024).toFixed(0)} KiB`).join(', ')}`);
    const vsix = path.join(PROJECT_ROOT, 'dist', 'parity.vsix');
    if (fs.existsSync(vsix)) console.log(`package dist/parity.vsix: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB (target ≤ 2048 KiB)`);
    console.log(`cold: require ${cold.requireMs.toFixed(1)} ms + activate ${cold.activateMs.toFixed(1)} ms = ${total.toFixed(1)} ms wall, ${cold.cpuMs.toFixed(1)} ms CPU (target ≤ ${TARGET_MS} ms) → ${(total / TARGET_MS).toFixed(2)} of target`);
    console.log(`warm (median of ${warm.length}): ${median(warm.map((r) => r.requireMs + r.activateMs)).toFixed(1)} ms wall, ${median(warm.map((r) => r.cpuMs)).toFixed(1)} ms CPU`);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    staged.cleanup();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
