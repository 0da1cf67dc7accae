// Placeholder until the 'logs' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const logsCommand: Command = {
  name: 'logs',
  summary: '(not available yet)',
  usage: 'parity logs',
  async run() {
    throw new UserError('logs is not available yet');
  },
};
