// Placeholder until the 'down' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const downCommand: Command = {
  name: 'down',
  summary: '(not available yet)',
  usage: 'parity down',
  async run() {
    throw new UserError('down is not available yet');
  },
};
