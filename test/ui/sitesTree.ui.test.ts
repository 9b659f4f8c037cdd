import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { openWorkbench, type UiSession } from './session';

/** Rows of the Sites view's tree. */
function treeRows(session: UiSession): Locator {
  return session.workbench.sideBar().locator('.monaco-list-row');
}

/** The first tree row whose icon is the given codicon (folder, layers, vm...). */
function rowWithIcon(session: UiSession, codicon: string): Locator {
  return treeRows(session).filter({ has: session.page.locator(`.custom-view-tree-node-item-icon.codicon-${codicon}`) }).first();
}

describe('UI: browsing the lab site in the Sites view', function () {
  this.timeout(180000);
  let session: UiSession;

  before(async () => {
    session = await openWorkbench(path.resolve(__dirname, '..', 'workspace'));
  });
  after(async () => {
    await session?.close();
  });

  it('opens the lab from the welcome view and shows it connected, with its folders', async () => {
    const wb = session.workbench;
    await wb.openView('SCCM Workbench');
    const open = wb.sideBar().getByRole('button', { name: 'Open Lab Site' });
    await open.waitFor({ state: 'visible', timeout: 20000 });
    await open.click();
    const siteRow = treeRows(session).filter({ hasText: 'Lab' }).first();
    await siteRow.waitFor({ timeout: 60000 });
    await session.page.locator('.statusbar-item', { hasText: 'PS1 · Lab' }).first().waitFor({ timeout: 60000 });
    await rowWithIcon(session, 'folder').waitFor({ timeout: 60000 });
    await treeRows(session).filter({ hasText: 'PS1 · Lab' }).first().waitFor({ timeout: 30000 });
  });

  it('expands a folder and a collection down to its devices', async () => {
    const wb = session.workbench;
    const folder = rowWithIcon(session, 'folder');
    await folder.click();
    // The root holds built-in collections too; open the first collection inside the expanded folder.
    const collection = rowWithIcon(session, 'layers');
    await collection.waitFor({ timeout: 30000 });
    await collection.click();
    const device = treeRows(session).filter({ has: session.page.locator('.custom-view-tree-node-item-icon.codicon-vm, .custom-view-tree-node-item-icon.codicon-vm-outline, .custom-view-tree-node-item-icon.codicon-debug-disconnect') }).first();
    await device.waitFor({ timeout: 30000 });
    assert.match(await device.innerText(), /Client active|Client inactive|No client/);
    await wb.screenshot('10-sites-tree');
  });

  it('shows a device tooltip with its identifiers on hover', async () => {
    const wb = session.workbench;
    const device = treeRows(session).filter({ hasText: /Client active|Client inactive|No client/ }).first();
    await device.hover();
    const hover = session.page.locator('.monaco-hover, .workbench-hover', { hasText: 'Resource ID' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20000 });
    const text = await hover.innerText();
    assert.match(text, /MAC addresses/);
    assert.match(text, /SMBIOS GUID/);
    await wb.screenshot('11-sites-device-tooltip');
    await session.page.keyboard.press('Escape');
    await session.page.mouse.move(5, 5);
  });

  it('offers Update Membership on a collection\'s context menu', async () => {
    const wb = session.workbench;
    const collection = rowWithIcon(session, 'layers');
    await collection.click({ button: 'right' });
    const entry = session.page.locator('.monaco-menu .action-item', { hasText: 'Update Membership' }).first();
    await entry.waitFor({ state: 'visible', timeout: 10000 });
    assert.ok(await session.page.locator('.monaco-menu .action-item', { hasText: 'Show Deployments' }).first().isVisible());
    await wb.screenshot('12-sites-collection-menu');
    await session.page.keyboard.press('Escape');
  });

  it('filters the collections by name and shows the filter in the view', async () => {
    const wb = session.workbench;
    const collectionName = (await rowWithIcon(session, 'layers').locator('.label-name').innerText()).trim();
    const word = collectionName.split(/[\s-]+/).find((w) => w.length >= 4) ?? collectionName;
    await wb.runCommand('SCCM: Filter Collections…');
    await wb.answerQuickInput(word);
    await wb.sideBar().getByText(`Collections whose name contains "${word}"`).waitFor({ timeout: 20000 });
    // The filtered children replace the folders in one render: wait for that, not for a fixed time.
    await rowWithIcon(session, 'folder').waitFor({ state: 'detached', timeout: 20000 });
    const collections = treeRows(session).filter({ has: session.page.locator('.custom-view-tree-node-item-icon.codicon-layers, .custom-view-tree-node-item-icon.codicon-group-by-ref-type') });
    const labels = await collections.locator('.label-name').allInnerTexts();
    assert.ok(labels.length > 0);
    assert.equal(await rowWithIcon(session, 'folder').count(), 0, 'no folders while filtered');
    assert.ok(labels.every((l) => l.toLowerCase().includes(word.toLowerCase())), labels.join(', '));
    await wb.screenshot('13-sites-filtered');
  });
});
