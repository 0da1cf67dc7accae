// Packages the extension into a .vsix with @vscode/vsce exactly as `npm run package` does, but from a
// staged copy (fresh bundles in a temp folder), so tests never rewrite the repository's dist/ while other
// suites run the CLI from it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from '../../helpers/paths';

export interface PackagedVsix { vsix: string; bytes: number; cleanup(): void }

export async function packageVsix(): Promise<PackagedVsix> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-vsix-'));
  const stage = path.join(dir, 'stage');
  fs.mkdirSync(stage);
  for (const name of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) {
    const from = path.join(PROJECT_ROOT, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(stage, name));
  }
  for (const sub of ['media', 'snippets']) fs.cpSync(path.join(PROJECT_ROOT, sub), path.join(stage, sub), { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  delete manifest.scripts['vscode:prepublish']; // the bundles are built just below
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const { extensionBuilds } = (await import(path.join(PROJECT_ROOT, 'scripts', 'extension-bundle.mjs'))) as { extensionBuilds(outdir: string, root: string): BuildOptions[] };
  await Promise.all(extensionBuilds(path.join(stage, 'dist'), PROJECT_ROOT).map((o) => build({ ...o, logLevel: 'error' })));
  const vsix = path.join(dir, `parity-${manifest.version}.vsix`);
  const { createVSIX } = (await import('@vscode/vsce')) as { createVSIX(o: { cwd: string; packagePath: string; dependencies: boolean; baseContentUrl: string; baseImagesUrl: string }): Promise<unknown> };
  const log = console.log;
  console.log = () => undefined; // vsce prints its file tree; keep test output readable
  try {
    // The same base URLs as `npm run package`, so README links and images resolve in the marketplace view.
    const script = String(manifest.scripts.package);
    const flag = (name: string) => new RegExp(`--${name} (\\S+)`).exec(script)?.[1] ?? '';
    await createVSIX({ cwd: stage, packagePath: vsix, dependencies: false, baseContentUrl: flag('baseContentUrl'), baseImagesUrl: flag('baseImagesUrl') });
  } finally {
    console.log = log;
  }
  return { vsix, bytes: fs.statSync(vsix).size, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
