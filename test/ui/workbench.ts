/**
 * Drives the real VS Code workbench (code-server in headless Chromium) the way a person
 * does: keyboard, clicks, the command palette. Screenshots go to test-results/screenshots.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export class Workbench {
  constructor(readonly page: Page) {}

  async waitReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.page.locator('.statusbar').waitFor({ timeout: 60000 });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Runs a command from the palette by its title as shown there ("SCCM: Show Output"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 15000 });
    await input.press('Enter');
  }

  /** Answers an open quick input (input box or quick pick) with text + Enter. */
  async answerQuickInput(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await input.press('Enter');
  }

  activityBarItem(label: string): Locator {
    return this.page.locator(`.activitybar .action-item a[aria-label^="${label}"]`).first();
  }

  async openView(containerLabel: string): Promise<void> {
    const item = this.activityBarItem(containerLabel);
    await item.waitFor({ state: 'visible', timeout: 20000 });
    const checked = await item.getAttribute('aria-expanded').catch(() => null);
    if (checked !== 'true') await item.click();
  }

  sideBar(): Locator {
    return this.page.locator('.part.sidebar');
  }

  async waitForNotification(text: string | RegExp): Promise<Locator> {
    const toast = this.page.locator('.notification-toast', { hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout: 20000 });
    await this.page.locator('.notification-toast.notification-fade-in-done').first().waitFor({ timeout: 5000 }).catch(() => undefined);
    return toast;
  }

  /** Right-clicks then clicks a context-menu item (VS Code arms menu items 100 ms after showing). */
  async contextMenu(target: Locator, item: string): Promise<void> {
    await target.click({ button: 'right' });
    const entry = this.page.locator('.monaco-menu .action-item', { hasText: item }).first();
    await entry.waitFor({ state: 'visible' });
    await this.page.waitForTimeout(250);
    await entry.click();
  }
}
