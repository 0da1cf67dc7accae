// Placeholder until the dotnet provider lands: matches nothing.
import type { Provider } from '../provider';

export const provider: Provider = {
  id: 'dotnet',
  markers: [],
  matches: () => false,
  profile: () => null,
};
