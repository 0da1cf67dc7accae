// Placeholder until the php provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'php',
  markers: [],
  matches: () => false,
  profile: () => null,
};
