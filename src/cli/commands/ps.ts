// Placeholder until the 'ps' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const psCommand: Command = {
  name: 'ps',
  summary: '(not available yet)',
  usage: 'parity ps',
  async run() {
    throw new UserError('ps is not available yet');
  },
};
