// Bundles the CLI and the extension. `vscode` is provided by the editor; everything else is bundled so the
// .vsix and the npm package run without node_modules.
import { build } from 'esbuild';
import { extensionBuilds } from './extension-bundle.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  external: ['vscode', 'cpu-features', 'ssh2', '*.node'] };

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // `parity detect` alone, without the Docker/Kubernetes clients: loads in a fraction of the full CLI's time.
  build({ ...common, entryPoints: ['src/cli/detect-only.ts'], outfile: 'dist/cli-detect.js' }),
  ...extensionBuilds('dist').map((options) => build(options)),
]);
