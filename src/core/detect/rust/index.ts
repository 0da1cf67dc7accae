// Placeholder until the rust provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'rust',
  markers: [],
  matches: () => false,
  profile: () => null,
};
