// esbuild options of the extension bundle, shared by scripts/build.mjs, the VS Code test drivers and
// bench/activation so every one of them runs the same bytes that go into the .vsix.
export const extensionBundle = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  external: ['vscode', 'cpu-features', 'ssh2', '*.node'],
  entryPoints: ['src/extension/extension.ts'], minify: true,
};
