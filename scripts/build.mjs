// Bundles the CLI and the extension. The CLI ships in the npm package next to its dependencies, so they
// stay external and load only when a command needs them; the .vsix has no node_modules, so the extension
// bundles carry everything but `vscode` (see extension-bundle.mjs).
import { build } from 'esbuild';
import { extensionBuilds } from './extension-bundle.mjs';

await Promise.all([
  build({
    entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', sourcemap: true, logLevel: 'warning', packages: 'external',
  }),
  ...extensionBuilds('dist').map((options) => build(options)),
]);
