// Every CLI command, wired in one table. One file per command.
import type { Command } from '../io';
import { detectCommand } from './detect';
import { generateCommand } from './generate';
import { upCommand } from './up';
import { downCommand } from './down';
import { logsCommand } from './logs';
import { psCommand } from './ps';
import { driftCommand } from './drift';
import { checkCommand } from './check';
import { hookCommand } from './hook';

export const COMMANDS: readonly Command[] = [
  detectCommand, generateCommand, upCommand, downCommand, logsCommand, psCommand, driftCommand, checkCommand, hookCommand,
];
