// Placeholder until the 'generate' command lands.
import { UserError } from '../../core/errors';
import type { Command } from '../io';

export const generateCommand: Command = {
  name: 'generate',
  summary: '(not available yet)',
  usage: 'parity generate',
  async run() {
    throw new UserError('generate is not available yet');
  },
};
