// `parity` entry point: dispatch to a command, turn usage and user errors into readable messages and
// exit codes (0 ok, 1 findings/failure, 2 usage), never a stack trace for expected failures.
import { COMMANDS } from './commands';
import { UsageError } from './args';
import type { CliIO } from './io';
import { escapeTerminal, escapingIO } from './terminal';
import { isStackOverflow, osError, UserError } from '../core/errors';

const VERSION = '0.1.0';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'parity — dev-to-prod parity: detect, generate, run, and check drift',
    '',
    'Usage: parity <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.load().summary}`),
    '',
    'Run `parity <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  const io = escapingIO(rawIO);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  if (name === '--version') {
    io.out(VERSION + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name)?.load();
  if (!command) {
    io.err(`parity: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`parity ${name}: ${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    const known = isStackOverflow(err) ? new UserError('input nested too deeply to read', 'A file in the project nests deeper than Parity reads; nothing was written.') : osError(err);
    if (known instanceof UserError) {
      io.err(`parity ${name}: ${known.message}\n`);
      return known.cliExit;
    }
    throw err;
  }
}

/** Runs the CLI on this process's argv and streams; used by bin/parity.js. */
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
  main(process.argv.slice(2), io).then(
    // Exit once the output is flushed: a request that outlived its timeout (a server that never answers)
    // must not keep the process alive.
    (code) => { process.exitCode = code; process.stdout.write('', () => process.stderr.write('', () => process.exit(code))); },
    (err) => {
      process.stderr.write(escapeTerminal(`parity: internal error: ${err instanceof Error ? err.stack : String(err)}\n`));
      process.exitCode = 70;
    },
  );
}
