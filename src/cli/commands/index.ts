// Every CLI command, wired in one table. One file per command.
import type { Command } from '../io';
import { detectCommand } from './detect';

export const COMMANDS: readonly Command[] = [detectCommand];
