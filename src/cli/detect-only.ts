// Entry for `parity detect` on its own. The full CLI bundle carries the Docker and Kubernetes clients
// (~19 MB of JavaScript) and takes longer to load than detection takes on a 100k-file monorepo; detect
// needs none of it. bin/parity.js routes `parity detect …` here; behaviour matches src/cli/main.ts.
import { detectCommand } from './commands/detect';
import { UsageError } from './args';
import { UserError } from '../core/errors';
import type { CliIO } from './io';

export async function runDetect(rest: string[], io: CliIO): Promise<number> {
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(detectCommand.usage + '\n');
    return 0;
  }
  try {
    return await detectCommand.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`parity detect: ${err.message}\n\n${detectCommand.usage}\n`);
      return 2;
    }
    if (err instanceof UserError) {
      io.err(`parity detect: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** Runs `parity detect` with this process's argv (argv[2] is `detect`); used by bin/parity.js. */
export function runCli(): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    signal: controller.signal,
    isTTY: Boolean(process.stdout.isTTY),
  };
  runDetect(process.argv.slice(3), io).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`parity: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
