// Runs a `parity` CLI command inside the extension host, so build/run/logs in the editor are exactly the
// CLI's behaviour: its output streams to the "Parity" channel and a CancellationToken aborts it like
// Ctrl-C. The CLI (and with it dockerode) is loaded on first use, never at activation.
import type * as vscode from 'vscode';
import type { CliIO } from '../cli/io';

export interface CliRun {
  code: number;
  /** Everything the command printed (stdout and stderr, interleaved). */
  text: string;
}

export async function runCli(
  output: vscode.OutputChannel,
  cwd: string,
  argv: string[],
  options: { token?: vscode.CancellationToken; onLine?: (line: string) => void } = {},
): Promise<CliRun> {
  const { main } = await import('../cli/main');
  const controller = new AbortController();
  const cancel = options.token?.onCancellationRequested(() => controller.abort());
  let text = '';
  let partial = '';
  const write = (chunk: string) => {
    text += chunk;
    output.append(chunk);
    partial += chunk;
    const lines = partial.split(/\r?\n|\r/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) options.onLine?.(line.trim());
  };
  const io: CliIO = { out: write, err: write, cwd, signal: controller.signal, isTTY: false };
  output.appendLine(`$ parity ${argv.join(' ')}`);
  try {
    const code = await main(argv, io);
    return { code, text };
  } finally {
    cancel?.dispose();
  }
}
