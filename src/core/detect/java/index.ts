// Placeholder until the java provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'java',
  markers: [],
  matches: () => false,
  profile: () => null,
};
