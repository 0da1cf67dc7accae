// Placeholder until the node provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'node',
  markers: [],
  matches: () => false,
  profile: () => null,
};
