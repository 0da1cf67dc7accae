// Every ecosystem id Parity knows (the `ecosystem` of the published `detect --json`). Each has exactly
// one module in the registry (ecosystems/index.ts), which the compiler checks.
export const ECOSYSTEMS = ['node', 'python', 'go', 'java', 'ruby', 'php', 'dotnet', 'rust', 'static'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];
