// Placeholder until the 'hook' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const hookCommand: Command = {
  name: 'hook',
  summary: '(not available yet)',
  usage: 'parity hook',
  async run() {
    throw new UserError('hook is not available yet');
  },
};
