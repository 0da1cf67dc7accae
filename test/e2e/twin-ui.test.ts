// UI end-to-end for production constraints: the packaged .vsix in the real VS Code server, driven through
// Chromium. Apps view → right-click web → Run with Production Constraints → the Containers view shows the
// container with its memory against the limit and, expanded, its constraints → Stop and Remove Containers
// → the parity report opens as a page. Screenshots go to test-results/e2e/ (PARITY_UPDATE_SCREENSHOT=1 also
// refreshes media/twin.png, the README's picture). Needs the Docker engine as well as the server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/paths';
import { engineOrReason, parityObjects } from '../helpers/docker';
import { removeProject } from '../../src/docker/down';
import { installVsix, missingPrerequisite, startServer } from '../extension/harness/vscodeServer';
import { launchBrowser } from '../extension/harness/browser';
import { packageVsix } from '../extension/harness/vsix';
import { clickMenuItem, showParitySidebar, waitUntilAsync } from './ui';

const missing = missingPrerequisite();
const skip = missing && process.env.PARITY_REQUIRE_VSCODE !== '1' ? missing : false;
const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'e2e');

test('UI: Run with Production Constraints → constraints and memory/limit in the Containers view → Stop opens the report', { skip, timeout: 600_000 }, async (t) => {
  assert.equal(missing, undefined, missing);
  const engine = await engineOrReason();
  if (typeof engine === 'string') {
    if (process.env.PARITY_REQUIRE_DOCKER === '1') throw new Error(`PARITY_REQUIRE_DOCKER=1 but no Docker engine answers: ${engine}`);
    t.skip(`no Docker engine: ${engine}`);
    return;
  }
  const packaged = await packageVsix();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-e2e-twin-'));
  // The project is named after the workspace folder: unique, so no other run's containers are touched.
  const project = `shop-twin-${process.pid.toString(36)}`;
  const workspace = path.join(base, project);
  const extensionsDir = path.join(base, 'extensions');
  fs.cpSync(path.join(PROJECT_ROOT, 'test', 'extension', 'fixtures', 'workspace'), workspace, { recursive: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page | undefined;
  try {
    await installVsix(packaged.vsix, extensionsDir);
    server = await startServer({ extensionsDir });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 860 });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.part.statusbar .statusbar-item', { hasText: /\d+ apps/ }).first().waitFor({ timeout: 120_000 });
    await showParitySidebar(page);

    const sidebar = page.locator('.part.sidebar');
    const appRow = sidebar.locator('.monaco-list-row', { hasText: /^web/ }).first();
    await appRow.waitFor({ timeout: 60_000 });
    await clickMenuItem(page, () => appRow.click({ button: 'right' }), 'Run with Production Constraints');

    // The container row carries its live memory against the manifest's limit; expanded, its constraints.
    const containerRow = sidebar.locator('.monaco-list-row', { hasText: /mem [\d.]+ MiB \/ 512 MiB/ }).first();
    await containerRow.waitFor({ timeout: 240_000 });
    if ((await containerRow.getAttribute('aria-expanded')) !== 'true') await containerRow.click();
    await sidebar.locator('.monaco-list-row', { hasText: 'read-only root (writable: /tmp)' }).first().waitFor({ timeout: 30_000 });
    await sidebar.locator('.monaco-list-row', { hasText: 'caps drop ALL' }).first().waitFor({ timeout: 10_000 });
    const shot = path.join(SHOTS, 'twin-1-containers.png');
    await page.screenshot({ path: shot });
    if (process.env.PARITY_UPDATE_SCREENSHOT === '1') fs.copyFileSync(shot, path.join(PROJECT_ROOT, 'media', 'twin.png'));

    // Stop and Remove Containers (palette; the only workspace folder) → the report page opens.
    await page.keyboard.press('F1');
    await page.keyboard.type('Parity: Stop and Remove Containers');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Stop and Remove Containers' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const report = page.locator('.tabs-container .tab', { hasText: /Preview/ }).first();
    await report.waitFor({ timeout: 120_000 });
    await waitUntilAsync('no container of the project left', async () => {
      const left = await parityObjects(engine, project);
      return left.containers.length === 0 && left.networks.length === 0;
    }, 60_000);
    await page.waitForTimeout(1500); // the Markdown preview renders inside its webview
    await page.screenshot({ path: path.join(SHOTS, 'twin-2-report.png') });
  } catch (err) {
    await page?.screenshot({ path: path.join(SHOTS, 'twin-failure.png') }).catch(() => undefined);
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
    await removeProject(engine.docker, project, { volumes: true }).catch(() => undefined);
    fs.rmSync(base, { recursive: true, force: true });
    packaged.cleanup();
  }
});
