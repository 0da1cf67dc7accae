// Placeholder until the 'up' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const upCommand: Command = {
  name: 'up',
  summary: '(not available yet)',
  usage: 'parity up',
  async run() {
    throw new UserError('up is not available yet');
  },
};
