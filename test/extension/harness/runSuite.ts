// Runs an extension-host test module inside the real VS Code server: the browser opens the workbench with
// extensionDevelopmentPath/extensionTestsPath in the payload, the module's run() executes in the extension
// host, and VS Code reports its exit code through window.codeAutomationExit.
import { launchBrowser } from './browser';
import { startServer, type ServerOptions } from './vscodeServer';

export interface SuiteRun {
  code: number;
  /** Extension-host and browser console lines, in order. */
  console: string[];
  serverLog: string;
}

export interface SuiteOptions extends ServerOptions {
  workspace: string;
  extensionPath: string;
  testsPath: string;
  timeoutMs?: number;
}

export async function runExtensionSuite(options: SuiteOptions): Promise<SuiteRun> {
  const server = await startServer(options);
  const browser = await launchBrowser().catch(async (err) => { await server.stop(); throw err; });
  const lines: string[] = [];
  try {
    const page = await browser.context.newPage();
    page.on('console', (m) => lines.push(m.text()));
    page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(options.extensionPath)],
      ['extensionTestsPath', remote(options.testsPath)],
    ]);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const timeoutMs = options.timeoutMs ?? 180_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension tests did not finish within ${timeoutMs} ms\n--- console ---\n${lines.join('\n')}\n--- server ---\n${server.log()}`)), timeoutMs);
    });
    const code = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    return { code, console: lines, serverLog: server.log() };
  } finally {
    await browser.close();
    await server.stop();
  }
}
