// Placeholder until the ruby provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'ruby',
  markers: [],
  matches: () => false,
  profile: () => null,
};
