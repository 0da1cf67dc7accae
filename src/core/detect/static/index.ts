// Placeholder until the static provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'static',
  markers: [],
  matches: () => false,
  profile: () => null,
};
