// Placeholder until the 'check' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const checkCommand: Command = {
  name: 'check',
  summary: '(not available yet)',
  usage: 'parity check',
  async run() {
    throw new UserError('check is not available yet');
  },
};
