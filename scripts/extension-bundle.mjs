// esbuild options of the extension bundles, shared by scripts/build.mjs, the VS Code test drivers and
// bench/activation so every one of them runs the same bytes that go into the .vsix.
// Three files: extension.js (the editor shell, parsed at activation) and two chunks it requires on first
// use — engine.js (detect/generate) and runner.js (CLI + Docker adapter). Keeping them apart is what
// keeps activation fast: parsing the engine costs far more than activating.
import * as path from 'node:path';

const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  // ssh2 is bundled (ssh:// Docker hosts work from the .vsix, which has no node_modules); its optional
  // native helpers are loaded in try/catch and stay out.
  external: ['vscode', 'cpu-features', '*.node'], minify: true,
};

const CHUNKS = ['engine', 'runner'];

/** Leaves `./engine` / `./runner` imports of src/extension/chunks/load.ts as requires of the sibling files. */
const lazyChunks = {
  name: 'parity-lazy-chunks',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./(${CHUNKS.join('|')})$`) }, (args) =>
      args.importer.endsWith(path.join('chunks', 'load.ts')) ? { path: `${args.path}.js`, external: true } : undefined);
  },
};

/** esbuild option sets writing the extension into `outdir` (e.g. `dist`), sources taken from `root`. */
export function extensionBuilds(outdir, root = process.cwd()) {
  return [
    { ...common, absWorkingDir: root, entryPoints: [path.join(root, 'src/extension/extension.ts')], outfile: path.join(outdir, 'extension.js'), plugins: [lazyChunks] },
    ...CHUNKS.map((c) => ({ ...common, absWorkingDir: root, entryPoints: [path.join(root, `src/extension/chunks/${c}.ts`)], outfile: path.join(outdir, `${c}.js`) })),
  ];
}
