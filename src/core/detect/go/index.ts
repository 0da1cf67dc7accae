// Placeholder until the go provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'go',
  markers: [],
  matches: () => false,
  profile: () => null,
};
