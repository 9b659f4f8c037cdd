import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { writeCmtraceLog } from '../../scripts/bench/lib/generateLogs';
import { openWorkbench, type UiSession } from './session';

const WORKSPACE = path.resolve(__dirname, '..', 'workspace');
const CAS = path.join(WORKSPACE, 'viewer', 'CAS.log');

/** The content of the visible webview (VS Code nests it: host iframe, then the active frame). */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

function countInFile(file: string, pattern: RegExp): number {
  return fs.readFileSync(file, 'utf8').split('\r\n').filter((l) => pattern.test(l)).length;
}

async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
  await input.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20000 });
}

async function closeAllEditors(session: UiSession): Promise<void> {
  await session.workbench.runCommand('View: Close All Editors');
  await session.page.waitForTimeout(300);
}

/** With several webviews visible: the one whose page has `selector` (`#app.viewer`, `#app.timeline`). */
async function webviewWith(page: Page, selector: string): Promise<FrameLocator> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const hosts = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < hosts; i++) {
      const frame = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
      if (await frame.locator(selector).count()) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview with ${selector}`);
}

function statusOf(frame: FrameLocator): Locator {
  return frame.locator('.filter-bar .status');
}

/** The "N of M records" count once it reads M (and, with `changedFrom`, differs from that text). */
async function visibleOf(frame: FrameLocator, total: string, changedFrom?: string): Promise<number> {
  const status = statusOf(frame);
  await status.filter({ hasText: new RegExp(`of ${total} records$`) }).waitFor({ timeout: 20000 });
  if (changedFrom !== undefined) {
    const deadline = Date.now() + 20000;
    while ((await status.innerText()) === changedFrom && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
  const text = await status.innerText();
  return Number((/^([\d,]+) of/.exec(text)?.[1] ?? '').replace(/,/g, ''));
}

async function background(locator: Locator): Promise<string> {
  // Runs in the page; this file compiles without the DOM types.
  return locator.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
}

describe('UI: the SCCM log viewer and task-sequence timeline', function () {
  this.timeout(240000);
  let session: UiSession;

  before(async () => {
    session = await openWorkbench(WORKSPACE);
  });
  after(async () => {
    await session?.close();
  });

  it('opens a log in the viewer: a virtual grid with severity colours from the theme', async () => {
    const { page, workbench } = session;
    await quickOpen(page, 'CAS.log');
    await workbench.runCommand('SCCM: Open Log Viewer');
    const frame = webview(page);
    const error = frame.locator('.grid-layer .grid-row.sev-error').first();
    await error.waitFor({ state: 'visible', timeout: 30000 });
    assert.equal(await visibleOf(frame, '1,500'), 1500);
    const info = frame.locator('.grid-layer .grid-row.sev-info').first();
    const [errorBg, infoBg] = [await background(error), await background(info)];
    assert.notEqual(errorBg, 'rgba(0, 0, 0, 0)', 'error rows have a background');
    assert.notEqual(errorBg, infoBg);
    // Virtualised: the DOM holds a screenful of rows, not 1,500.
    const rendered = await frame.locator('.grid-layer .grid-row').count();
    assert.ok(rendered > 10 && rendered < 120, `${rendered} rows in the DOM`);
    assert.equal(await frame.locator('[role="grid"]').getAttribute('aria-rowcount'), '1501');
    await frame.locator('.histogram-chart .bar').first().waitFor({ state: 'visible' });
    await error.click();
    await frame.locator('.detail .message', { hasText: 'Failed to download content' }).waitFor({ timeout: 15000 });
    await workbench.screenshot('30-viewer');
  });

  it('filters as the person types ("N of M") and shows the selected record in the detail pane', async () => {
    const { page, workbench } = session;
    const frame = webview(page);
    // Ctrl+F reaches the viewer's filter (not VS Code's find widget); typing filters.
    await page.keyboard.press('Control+F');
    await frame.locator('vscode-textfield.filter-text:focus').waitFor({ timeout: 10000 });
    await page.keyboard.type('failed to download', { delay: 20 });
    const expected = countInFile(CAS, /Failed to download content/);
    await statusOf(frame).filter({ hasText: `${expected} of 1,500 records` }).waitFor({ timeout: 20000 });
    const rows = frame.locator('.grid-layer .grid-row');
    assert.ok((await rows.count()) <= expected);
    for (const text of await frame.locator('.grid-layer .c-message').allInnerTexts()) assert.match(text, /Failed to download content/);
    // F6 moves from the filter bar to the grid.
    await page.keyboard.press('F6');
    await frame.locator('[role="grid"]:focus').waitFor({ timeout: 10000 });
    await rows.nth(1).click();
    const message = frame.locator('.detail .message');
    await message.filter({ hasText: 'Failed to download content' }).waitFor({ timeout: 15000 });
    await frame.locator('.detail .code-button', { hasText: '0x80070002' }).waitFor();
    assert.match(await frame.locator('.detail .fields').innerText(), /UTC\u221204:00/);
    // Keyboard: the grid moves the selection and the detail follows.
    await frame.locator('[role="grid"]').press('ArrowDown');
    const selected = frame.locator('.grid-row.selected[aria-rowindex="4"]');
    await selected.waitFor();
    const time = await selected.locator('.c-time').innerText();
    await frame.locator('.detail .fields', { hasText: time }).waitFor({ timeout: 15000 });
    // Escape in the filter field is the field's (clears it); from the detail pane it closes the pane and the grid takes the focus.
    await frame.locator('vscode-textfield.filter-text input').press('Escape');
    await statusOf(frame).filter({ hasText: '1,500 of 1,500 records' }).waitFor({ timeout: 20000 });
    assert.ok(await frame.locator('.detail').isVisible(), 'Escape in the filter field leaves the detail open');
    await page.keyboard.type('failed to download', { delay: 20 });
    await statusOf(frame).filter({ hasText: `${expected} of 1,500 records` }).waitFor({ timeout: 20000 });
    await frame.locator('.detail .message').focus();
    await page.keyboard.press('Escape');
    await frame.locator('.detail').waitFor({ state: 'hidden' });
    await frame.locator('[role="grid"]:focus').waitFor({ timeout: 10000 });
    await frame.locator('[role="grid"]').press('Enter');
    await frame.locator('.detail .fields', { hasText: time }).waitFor({ timeout: 15000 });
    await workbench.screenshot('31-viewer-filter');
    // Hidden and shown again (the webview is not kept alive): the filter and selection come back.
    await page.locator('.tabs-container .tab', { hasText: 'CAS.log' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'CAS.log' }).nth(1).click();
    await statusOf(webview(page)).filter({ hasText: `${expected} of 1,500 records` }).waitFor({ timeout: 20000 });
    assert.equal(await webview(page).locator('vscode-textfield.filter-text').evaluate((el) => (el as unknown as { value: string }).value), 'failed to download');
    await webview(page).locator('.grid-row.selected', { hasText: time }).waitFor({ timeout: 15000 });
  });

  it('filters the grid to a histogram bar and back', async () => {
    const { page } = session;
    const frame = webview(page);
    await frame.locator('vscode-button', { hasText: 'Clear' }).click();
    // "N of 1,500 records" already reads before Clear lands: wait for the cleared count itself.
    await statusOf(frame).filter({ hasText: /^1,500 of 1,500 records$/ }).waitFor({ timeout: 20000 });
    const bar = frame.locator('.histogram-chart .bar.has-errors').first();
    await bar.click();
    const inBin = await visibleOf(frame, '1,500', '1,500 of 1,500 records');
    assert.ok(inBin > 0 && inBin < 1500, `${inBin} records in the bin`);
    assert.notEqual(await frame.locator('vscode-textfield.time-field').first().evaluate((el) => (el as unknown as { value: string }).value), '');
    await frame.locator('.histogram-chart .bar.chosen').click();
    assert.equal(await visibleOf(frame, '1,500', `${inBin} of 1,500 records`), 1500);
  });

  it('merges two logs selected in the Explorer into one timeline', async () => {
    const { page, workbench } = session;
    await closeAllEditors(session);
    await page.keyboard.press('Control+Shift+E');
    const row = (name: string): Locator => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
    const folder = row('viewer');
    await folder.waitFor({ state: 'visible', timeout: 20000 });
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await row('CAS.log').click();
    await row('DataTransferService.log').click({ modifiers: ['Control'] });
    await workbench.contextMenu(row('DataTransferService.log'), 'Merge Logs');
    const frame = webview(page);
    await frame.locator('.legend-chip').nth(1).waitFor({ timeout: 30000 });
    const total = countInFile(CAS, /<!\[LOG\[/) + countInFile(path.join(WORKSPACE, 'viewer', 'DataTransferService.log'), /<!\[LOG\[/);
    const all = `${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records`;
    await statusOf(frame).filter({ hasText: new RegExp(`^${all}$`) }).waitFor({ timeout: 30000 });
    assert.deepEqual(await frame.locator('.legend-chip').allInnerTexts(), ['CAS.log', 'DataTransferService.log']);
    // Hiding CAS.log with its legend chip leaves DataTransferService.log's rows.
    await frame.locator('.legend-chip', { hasText: 'CAS.log' }).click();
    const dtsOnly = await visibleOf(frame, total.toLocaleString('en-US'), all);
    assert.equal(dtsOnly, countInFile(path.join(WORKSPACE, 'viewer', 'DataTransferService.log'), /<!\[LOG\[/));
    assert.deepEqual([...new Set(await frame.locator('.grid-layer .c-log').allInnerTexts())], ['DataTransferService.log']);
    await frame.locator('.legend-chip', { hasText: 'CAS.log' }).click();
    await visibleOf(frame, total.toLocaleString('en-US'), `${dtsOnly} of ${total.toLocaleString('en-US')} records`);
    // The download failures of both logs around 10:15 interleave: show the busiest bar.
    const labels = await frame.locator('.histogram-chart .bar.has-errors').evaluateAll((bars) => bars.map((b) => (b as unknown as { getAttribute(n: string): string }).getAttribute('aria-label')));
    const errorsIn = (label: string): number => Number(/: (\d+) errors/.exec(label)?.[1] ?? 0);
    const busiest = labels.reduce((best, label, i) => (errorsIn(label) > errorsIn(labels[best]) ? i : best), 0);
    await frame.locator('.histogram-chart .bar.has-errors').nth(busiest).click();
    await frame.locator('.grid-layer .c-log', { hasText: 'DataTransferService.log' }).first().waitFor();
    await frame.locator('.grid-layer .c-log', { hasText: 'CAS.log' }).first().waitFor();
    await workbench.screenshot('32-viewer-merge');
  });

  it('shows the task-sequence timeline of smsts.log with the failing step', async () => {
    const { page, workbench } = session;
    await closeAllEditors(session);
    await quickOpen(page, 'smsts.log');
    await workbench.runCommand('SCCM: Show Task Sequence Timeline');
    const frame = webview(page);
    const failing = frame.locator('.step.failing');
    await failing.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await failing.innerText(), /Install Application/);
    assert.match(await frame.locator('.callout').innerText(), /0x80070002/);
    assert.equal(await frame.locator('.phase-row').count(), 2);
    assert.match(await failing.getAttribute('aria-label') ?? '', /failed, error 0x80070002/);
    await workbench.screenshot('33-timeline');
    // A step opens the viewer beside with its record selected; another step selects its record in that viewer.
    await failing.click();
    const viewer = await webviewWith(page, '#app.viewer');
    await viewer.locator('.grid-row.selected').waitFor({ timeout: 30000 });
    const viewerTabs = page.locator('.editor-group-container').nth(1).locator('.tabs-container .tab');
    assert.equal(await viewerTabs.count(), 1);
    const first = (await webviewWith(page, '#app.timeline')).locator('.step').first();
    const line = /line (\d+)$/.exec((await first.getAttribute('aria-label')) ?? '')?.[1];
    assert.ok(line, 'the step says its line');
    await first.click();
    await viewer.locator('.detail-head', { hasText: new RegExp(`lines? ${line}\\b`) }).waitFor({ timeout: 20000 });
    assert.equal(await viewerTabs.count(), 1, 'still one viewer');
  });

  it('stays usable with a million records: counts, End / Home and a filter', async () => {
    const { page, workbench } = session;
    // A million records (about 250 MB, far over VS Code's 50 MB limit for extensions), in the copy only.
    const bigRecords = writeCmtraceLog(path.join(session.workspace, 'viewer', 'big.log'), 1_000_000 * 252, 1);
    await closeAllEditors(session);
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row[aria-label="big.log"]').first();
    await row.waitFor({ state: 'visible', timeout: 20000 });
    await workbench.contextMenu(row, 'Open Log Viewer');
    const frame = webview(page);
    const total = bigRecords.toLocaleString('en-US');
    await statusOf(frame).filter({ hasText: `${total} of ${total} records` }).waitFor({ timeout: 90000 });
    const grid = frame.locator('[role="grid"]');
    assert.equal(await grid.getAttribute('aria-rowcount'), String(bigRecords + 1));
    await frame.locator('.grid-layer .grid-row[aria-rowindex="2"]').click();
    await grid.press('End');
    await frame.locator(`.grid-row.selected[aria-rowindex="${bigRecords + 1}"]`).waitFor({ timeout: 20000 });
    await frame.locator(`.grid-row[aria-rowindex="${bigRecords + 1}"]:not(.loading)`).waitFor({ timeout: 20000 });
    await grid.press('Home');
    await frame.locator('.grid-row.selected[aria-rowindex="2"]').waitFor({ timeout: 20000 });
    await grid.press('PageDown');
    await frame.locator('.grid-row.selected:not([aria-rowindex="2"])').waitFor({ timeout: 20000 });
    const after = Number(await frame.locator('.grid-row.selected').getAttribute('aria-rowindex'));
    assert.ok(after > 10 && after < 60, `PageDown moved to row ${after}`);
    const field = frame.locator('vscode-textfield.filter-text input');
    await field.click();
    await field.fill('Failed to install update');
    await statusOf(frame).filter({ hasText: new RegExp(`^[\\d,]+ of ${total} records$`) }).filter({ hasNotText: `${total} of` }).waitFor({ timeout: 60000 });
    const visible = await visibleOf(frame, total);
    assert.ok(visible > 0 && visible < bigRecords, `${visible} records match`);
  });
});
