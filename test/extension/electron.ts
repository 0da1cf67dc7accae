// The same extension-host suite under @vscode/test-electron, for machines that can download VS Code
// (this project's CI cannot: it runs the suite in the code-server VS Code server instead, see
// vscode-server.test.ts). Usage: node --import tsx test/extension/electron.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { PROJECT_ROOT } from '../helpers/paths';
import { stageExtensionAndSuite } from './harness/stage';

async function main(): Promise<void> {
  const staged = await stageExtensionAndSuite(path.join(__dirname, 'suite', 'index.ts'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-ws-'));
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-electron-user-'));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }));
  fs.cpSync(path.join(PROJECT_ROOT, 'test', 'extension', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: staged.extensionPath,
      extensionTestsPath: staged.testsPath,
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userData, '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
    staged.cleanup();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
