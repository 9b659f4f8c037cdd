import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openWorkbench, type UiSession } from './session';

const DEMO = path.resolve(__dirname, '..', '..', 'demo', 'workspace');

function explorerRow(page: Page, name: string): Locator {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
}

/** Opens a file from the Explorer by clicking through its folders, as a person does. */
async function openFromExplorer(session: UiSession, ...parts: string[]): Promise<void> {
  const { page } = session;
  await page.keyboard.press('Control+Shift+E');
  for (const [i, name] of parts.entries()) {
    const row = explorerRow(page, name);
    await row.waitFor({ state: 'visible', timeout: 20000 });
    const expanded = await row.getAttribute('aria-expanded');
    if (i < parts.length - 1 && expanded === 'true') continue;
    await row.click();
  }
  await page.locator('.tabs-container .tab.active', { hasText: parts[parts.length - 1] }).waitFor({ timeout: 20000 });
}

/** Moves the cursor with "Go to Line/Column" (line:column, 1-based). */
async function goTo(page: Page, lineColumn: string): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${lineColumn}`);
  await input.press('Enter');
  await page.waitForTimeout(300);
}

function statusItem(page: Page): Locator {
  return page.locator('.statusbar [aria-label^="SCCM log:"]').first();
}

describe('UI: SCCM logs in the editor', function () {
  this.timeout(240000);
  let session: UiSession;

  before(async () => {
    session = await openWorkbench(DEMO);
    // Opening the SCCM view starts the extension (package.json declares no onLanguage:log activation yet).
    await session.workbench.openView('SCCM Workbench');
    await session.workbench.sideBar().locator('.welcome-view-content').first().waitFor({ timeout: 30000 });
  });
  after(async () => {
    await session?.close();
  });

  it('opens smsts.log from the Explorer and lists its findings in the Problems panel', async () => {
    const { page, workbench } = session;
    await openFromExplorer(session, 'logs', '04-setup-code31', 'smsts.log');
    await page.locator('.statusbar-item', { hasText: 'SCCM Log' }).first().waitFor({ timeout: 30000 });
    await statusItem(page).waitFor({ state: 'visible', timeout: 30000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'Windows Setup failed (code 31' }).first();
    await problem.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await problem.innerText(), /SCCM/);
    // The related line in setuperr.log shows under the problem.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'setuperr.log' }).first().waitFor({ state: 'visible', timeout: 15000 });
    await workbench.screenshot('20-log-problems');
  });

  it('explains an error code on hover', async () => {
    const { page, workbench } = session;
    await page.locator('.part.editor .monaco-editor').first().click();
    await goTo(page, '183:30');
    const code = page.locator('.part.editor .view-line span', { hasText: /^80004005$/ }).first();
    await code.waitFor({ state: 'visible', timeout: 15000 });
    await code.hover();
    const hover = page.locator('.monaco-hover', { hasText: '0x80004005' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    const text = await hover.innerText();
    assert.match(text, /E_FAIL/);
    assert.match(text, /Unspecified error/);
    assert.match(text, /Source:/);
    await workbench.screenshot('21-log-hover');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 400);
  });

  it('offers the quick fixes of a duplicate SMBIOS GUID, with the BannedGuids value', async () => {
    const { page, workbench } = session;
    await openFromExplorer(session, '06-duplicate-guids', 'SMSPXE.log');
    await statusItem(page).waitFor({ state: 'visible', timeout: 30000 });
    await page.locator('.part.editor .monaco-editor').first().click();
    await goTo(page, '18:20');
    // Findings arrive just after the language switch: retry until the lightbulb menu has them.
    const explain = page.locator('.action-widget .monaco-list-row', { hasText: 'Explain: Two devices share one SMBIOS GUID' }).first();
    for (let attempt = 0; attempt < 10 && !(await explain.isVisible()); attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await explain.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
    }
    assert.ok(await explain.isVisible(), 'the quick-fix menu shows Explain');
    assert.ok(await page.locator('.action-widget .monaco-list-row', { hasText: 'Copy the BannedGuids registry value' }).first().isVisible());
    await workbench.screenshot('22-log-quickfix');
    // The preferred fix opens the explanation beside the log.
    await page.keyboard.press('Enter');
    const preview = page.locator('.tabs-container .tab', { hasText: 'Two devices share one SMBIOS GUID' }).first();
    await preview.waitFor({ state: 'visible', timeout: 20000 });
    await page.waitForTimeout(1500);
    await workbench.screenshot('24-log-explain');
    await preview.click();
    await page.keyboard.press('Control+W');
  });

  it('writes a short hint after the finding line and counts the log’s errors in the status bar', async () => {
    const { page, workbench } = session;
    await openFromExplorer(session, '04-setup-code31', 'smsts.log');
    // Opened again: recognised again (the language is set anew for a log that was closed).
    await page.locator('.statusbar-item', { hasText: 'SCCM Log' }).first().waitFor({ timeout: 30000 });
    // More room for the editor: the Problems panel was shown earlier.
    await workbench.runCommand('View: Hide Panel');
    await page.locator('.part.editor .monaco-editor').first().click();
    await goTo(page, '160:1');
    await goTo(page, '178:1');
    // Runs in the page (this tsconfig has no DOM types, hence the string).
    const hint = await page.waitForFunction(
      `(() => {
        for (const el of document.querySelectorAll('.part.editor .view-line span')) {
          const content = getComputedStyle(el, '::after').content;
          if (content.includes('Windows Setup failed (code 31')) return content;
        }
        return false;
      })()`,
      undefined,
      { timeout: 15000 },
    );
    assert.match(String(await hint.jsonValue()), /\u2014/);
    // The item may still show SMSPXE.log's counts for a moment after the tab switch: wait for smsts.log's.
    const counted = page.locator('.statusbar [aria-label^="SCCM log: 6 error records, 0 warning records,"]').first();
    await counted.waitFor({ state: 'visible', timeout: 15000 });
    assert.match((await counted.getAttribute('aria-label')) ?? '', /SCCM log: 6 error records, 0 warning records, \d+ findings/);
    assert.match(await counted.innerText(), /6\s+0/);
    await workbench.screenshot('23-log-inline');
  });
});
