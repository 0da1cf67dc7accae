// Builds what the extension-host suite runs: the extension exactly as packaged (manifest, media, snippets,
// the esbuild bundle) in a temp folder, and the suite bundled into one module that VS Code can require.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from '../../helpers/paths';

export interface Staged { dir: string; extensionPath: string; testsPath: string; cleanup(): void }

export async function stageExtensionAndSuite(suiteEntry: string): Promise<Staged> {
  // Dynamic import: scripts/*.mjs is ESM while the tests run as CommonJS under tsx.
  const { extensionBuilds } = (await import(path.join(PROJECT_ROOT, 'scripts', 'extension-bundle.mjs'))) as { extensionBuilds(outdir: string, root: string): BuildOptions[] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-ext-stage-'));
  const extensionPath = path.join(dir, 'extension');
  fs.mkdirSync(extensionPath);
  fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(extensionPath, 'package.json'));
  for (const sub of ['media', 'snippets']) {
    const from = path.join(PROJECT_ROOT, sub);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(extensionPath, sub), { recursive: true });
  }
  const testsPath = path.join(dir, 'suite', 'index.js');
  // Built together so both bundles see the same sources (the tree may be edited while tests run).
  await Promise.all([...extensionBuilds(path.join(extensionPath, 'dist'), PROJECT_ROOT).map((o) => build({ ...o, logLevel: 'error' })), build({
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline',
    external: ['vscode', 'cpu-features', 'ssh2', '*.node'],
    entryPoints: [suiteEntry], outfile: testsPath, absWorkingDir: PROJECT_ROOT, logLevel: 'error',
  })]);
  return { dir, extensionPath, testsPath, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
