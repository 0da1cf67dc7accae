// What the UI end-to-end tests share: showing the Parity sidebar, clicking a context-menu entry that may
// arrive late, and waiting with a deadline.
import type { Page } from 'playwright-core';

/** Shows the Parity sidebar through Parity's status-bar item (the activity-bar icon would toggle it). */
export async function showParitySidebar(page: Page): Promise<void> {
  await page.locator('.part.statusbar .statusbar-item', { hasText: /\d+ apps/ }).first().click();
  await page.locator('.part.sidebar .title-label', { hasText: /parity/i }).waitFor({ timeout: 10_000 });
}

export async function clickMenuItem(page: Page, open: () => Promise<void>, label: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await open();
    const item = page.locator('.monaco-menu .action-label', { hasText: label });
    try {
      await item.first().waitFor({ timeout: 2_000 });
      // Hover focuses the entry and Enter runs it: a plain click is lost when the menu re-renders between
      // mouse-down and mouse-up (context keys changing while it is open).
      await item.first().hover();
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`context menu never offered '${label}'`);
      await page.waitForTimeout(1_000);
    }
  }
}

export async function waitUntil(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function waitUntilAsync(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
