// Opens the file and line a detected fact came from (Apps view click).
import type { ParityCommand } from './command';
import { isNode } from '../views/nodes';
import { openLocation, parseSource } from '../views/sourceLocation';

export const openSource: ParityCommand = {
  id: 'parity.openSource',
  async run(_s, arg) {
    if (!isNode(arg, 'fact')) return;
    const loc = parseSource(arg.source);
    if (loc) await openLocation(arg.folder, loc);
  },
};
