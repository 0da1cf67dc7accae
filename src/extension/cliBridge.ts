// Runs a `parity` CLI command inside the extension host, so build/run/logs/drift in the editor are exactly
// the CLI's behaviour: output streams to the "Parity" channel (when given) and a CancellationToken aborts
// the command like Ctrl-C. The CLI (and with it dockerode) is loaded on first use, never at activation.
import type * as vscode from 'vscode';
import type { CliIO } from '../cli/io';
import { loadRunner } from './chunks/load';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved, as a terminal would show them. */
  text: string;
}

export async function runCli(
  output: vscode.OutputChannel | undefined,
  cwd: string,
  argv: string[],
  options: { token?: vscode.CancellationToken; onLine?: (line: string) => void } = {},
): Promise<CliRun> {
  const { cliMain: main } = await loadRunner();
  const controller = new AbortController();
  const cancel = options.token?.onCancellationRequested(() => controller.abort());
  const run: CliRun = { code: 0, stdout: '', stderr: '', text: '' };
  let partial = '';
  const write = (stream: 'stdout' | 'stderr') => (chunk: string) => {
    run[stream] += chunk;
    run.text += chunk;
    output?.append(chunk);
    partial += chunk;
    const lines = partial.split(/\r?\n|\r/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) options.onLine?.(line.trim());
  };
  const io: CliIO = { out: write('stdout'), err: write('stderr'), cwd, signal: controller.signal, isTTY: false };
  output?.appendLine(`$ parity ${argv.join(' ')}`);
  try {
    run.code = await main(argv, io);
    return run;
  } finally {
    cancel?.dispose();
  }
}
