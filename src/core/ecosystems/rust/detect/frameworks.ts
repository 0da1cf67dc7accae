// Web frameworks by crate, with the port each binds when nothing configures it (only Rocket has one).
export const RUST_FRAMEWORKS: Record<string, { name: string; defaultPort?: number }> = {
  'actix-web': { name: 'actix-web' },
  axum: { name: 'axum' },
  rocket: { name: 'rocket', defaultPort: 8000 },
  warp: { name: 'warp' },
  poem: { name: 'poem' },
  tide: { name: 'tide' },
};
