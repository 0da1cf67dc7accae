// Placeholder until the python provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'python',
  markers: [],
  matches: () => false,
  profile: () => null,
};
