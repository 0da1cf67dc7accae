// Placeholder until the 'drift' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const driftCommand: Command = {
  name: 'drift',
  summary: '(not available yet)',
  usage: 'parity drift',
  async run() {
    throw new UserError('drift is not available yet');
  },
};
