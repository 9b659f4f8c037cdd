import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SitesTestingApi } from '../../src/sites/testingApi';
import { waitFor } from './helpers';
import { click, findRow, iconId, is, labelOf, rows, siteRow, sitesSetting, sitesTesting, tokens, tooltipText, type Row } from './sitesTestKit';

function memberCount(r: Row): number {
  const m = /^([\d,]+) members? · /.exec(String(r.item.description ?? ''));
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

/** A custom (not built-in) collection with members: the tests below act on its devices. */
const customWithMembers = (r: Row): boolean => is.collection(r) && !tokens(r.item).includes('builtIn') && memberCount(r) > 0;

describe('Sites view: the lab site in the tree', function () {
  this.timeout(120000);
  let api: SitesTestingApi;
  let site: Row;

  before(async () => {
    api = await sitesTesting();
    await vscode.workspace.getConfiguration('sccm').update('tree.pageSize', 50, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('sccm.site.openLab');
    site = await siteRow(api, 'Lab');
  });

  after(async () => {
    api?.lab.setFaults({});
    await vscode.workspace.getConfiguration('sccm').update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens the in-process lab, keeps only { name, backend } in settings and shows the site connected', async () => {
    assert.equal(api.lab.running, true);
    assert.match(api.lab.baseUrl ?? '', /^https:\/\/127\.0\.0\.1:\d+\/AdminService$/);
    const lab = sitesSetting().find((s) => (s as { backend?: string }).backend === 'lab');
    assert.deepEqual(lab, { name: 'Lab', backend: 'lab' });
    const item = await api.tree.getTreeItem(site.node);
    assert.equal(item.id, 'Lab');
    assert.deepEqual(tokens(item), ['connected', 'lab', 'sccmSite']);
    assert.equal(item.description, 'PS1 · Lab');
    assert.match(api.statusBarText() ?? '', /PS1 · Lab/);
  });

  it('lists root folders first, then root collections, with stable ids, descriptions and tooltips', async () => {
    const children = await rows(api, site.node);
    const firstCollection = children.findIndex(is.collection);
    const folders = children.filter(is.folder);
    assert.ok(folders.length > 0, 'the lab has console folders');
    assert.ok(children.slice(0, folders.length).every(is.folder), 'folders come before collections');
    for (const f of folders) assert.match(f.item.id ?? '', /^Lab\/folder\/\d+$/);
    const names = folders.map((f) => labelOf(f.item));
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    assert.ok(firstCollection > 0, 'the root holds collections too');
    for (const c of children.filter(is.collection)) {
      const id = /^Lab\/collection\/([A-Z0-9]{8})$/.exec(c.item.id ?? '')?.[1];
      assert.ok(id, `collection id ${c.item.id}`);
      assert.ok(memberCount(c) >= 0 && String(c.item.description).endsWith(`· ${id}`), String(c.item.description));
      assert.equal(c.item.tooltip, undefined, 'the tooltip is resolved on hover');
      // Hovering reads the collection by id: its lazy refresh type and rules show too.
      const resolved = await api.tree.resolveTreeItem!(c.item, c.node, new vscode.CancellationTokenSource().token);
      const tip = tooltipText(resolved!);
      assert.match(tip, new RegExp(`\\| Collection ID \\| ${id} \\|`));
      assert.match(tip, /\| Limiting collection \|/);
      assert.match(tip, /\| Refresh type \| (Manual|Scheduled|Incremental|Scheduled and incremental) \|/);
      assert.match(tip, /\| Membership rules \| /);
      assert.ok(tokens(c.item).includes('device'));
    }
  });

  it('expands a folder into its subfolders and collections', async () => {
    const inFolder = await findRow(api, site.node, (r) => is.collection(r) && r.node.parent !== site.node);
    assert.ok(inFolder, 'some collection lives in a folder');
    assert.ok(is.folder({ node: inFolder.node.parent!, item: await api.tree.getTreeItem(inFolder.node.parent!) }));
    assert.equal(api.tree.getParent?.(inFolder.node), inFolder.node.parent, 'getParent supports reveal()');
  });

  it('expands a collection into its devices: client state, icons, contextValues and a full tooltip on hover', async () => {
    const collection = await findRow(api, site.node, (r) => customWithMembers(r) && memberCount(r) <= 50);
    assert.ok(collection, 'a small non-empty collection exists');
    const devices = await rows(api, collection.node);
    assert.equal(devices.length, memberCount(collection), 'one row per member, no "Load more…" under a page');
    const collectionId = /([A-Z0-9]{8})$/.exec(collection.item.id!)![1];
    for (const d of devices) {
      assert.match(d.item.id ?? '', new RegExp(`^Lab/collection/${collectionId}/device/\\d+$`));
      const t = tokens(d.item);
      assert.ok(t.includes('sccmDevice'));
      const state = d.item.description;
      if (state === 'No client') assert.ok(t.includes('noClient') && iconId(d.item) === 'debug-disconnect');
      else if (state === 'Client active') assert.ok(t.includes('client') && t.includes('active') && iconId(d.item) === 'vm');
      else assert.ok(state === 'Client inactive' && t.includes('inactive') && iconId(d.item) === 'vm-outline', String(state));
    }
    const first = devices[0];
    assert.equal(first.item.tooltip, undefined, 'the tooltip is resolved on hover');
    const resolved = await api.tree.resolveTreeItem!(first.item, first.node, new vscode.CancellationTokenSource().token);
    const tip = tooltipText(resolved!);
    const resourceId = /device\/(\d+)$/.exec(first.item.id!)![1];
    assert.match(tip, new RegExp(`\\| Resource ID \\| ${resourceId} \\|`));
    for (const label of ['MAC addresses', 'SMBIOS GUID', 'IP addresses', 'Operating system', 'Last logon user', 'AD site', 'Client version']) assert.match(tip, new RegExp(`\\| ${label} \\|`));
  });

  it('pages a big collection 50 at a time and "Load more…" loads the next page', async () => {
    await vscode.commands.executeCommand('sccm.explorer.filter', 'All Systems');
    const all = (await rows(api, site.node)).find((r) => r.item.id === 'Lab/collection/SMS00001');
    await vscode.commands.executeCommand('sccm.explorer.clearFilter');
    assert.ok(all, 'All Systems is found');
    assert.ok(memberCount(all) > 100, 'All Systems holds more than two pages');
    const page1 = await rows(api, all.node);
    assert.equal(page1.length, 51);
    const more = page1[50];
    assert.ok(is.loadMore(more));
    assert.equal(labelOf(more.item), 'Load more…');
    await click(more.item);
    const page2 = await rows(api, all.node);
    assert.equal(page2.length, 101);
    assert.deepEqual(
      page2.slice(0, 50).map((r) => r.item.id),
      page1.slice(0, 50).map((r) => r.item.id),
      'the first page stays as it was',
    );
    const ids = page2.filter(is.device).map((r) => r.item.id);
    assert.equal(new Set(ids).size, 100, 'no device twice');
    const names = page2.filter(is.device).map((r) => labelOf(r.item));
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })), 'ordered by name across pages');
  });

  it('filters collections by name across folders, shows the filter, and clears it', async () => {
    const nested = await findRow(api, site.node, (r) => is.collection(r) && r.node.parent !== site.node);
    const word = labelOf(nested!.item).split(/[\s-]+/).find((w) => w.length >= 4) ?? labelOf(nested!.item);
    api.answerPrompts([word]);
    await vscode.commands.executeCommand('sccm.explorer.filter');
    api.answerPrompts(undefined);
    assert.match(api.viewDescription() ?? '', new RegExp(word));
    const matches = await rows(api, site.node);
    assert.ok(matches.length > 0);
    for (const m of matches.filter((r) => !is.loadMore(r))) {
      assert.ok(is.collection(m), `only collections while filtered (${labelOf(m.item)})`);
      assert.ok(labelOf(m.item).toLowerCase().includes(word.toLowerCase()), labelOf(m.item));
    }
    assert.ok(matches.some((m) => m.item.id === nested!.item.id), 'a collection from inside a folder is found');
    await vscode.commands.executeCommand('sccm.explorer.clearFilter');
    assert.equal(api.viewDescription(), undefined);
    assert.ok((await rows(api, site.node)).some(is.folder));
  });

  it('a 500 on members shows a message under that collection, the site still expands, and retry recovers', async () => {
    const collection = await findRow(api, site.node, customWithMembers);
    const loaded = await rows(api, collection!.node);
    assert.ok(loaded.some(is.device) && loaded.every((r) => is.device(r) || is.loadMore(r)), labelOf(loaded[0].item));
    const before = loaded.map((r) => r.item.id);
    api.lab.setFaults({ error500Every: 1 });
    await vscode.commands.executeCommand('sccm.explorer.refresh', collection!.node);
    const failed = await rows(api, collection!.node);
    api.lab.setFaults({});
    assert.equal(failed.length, 1);
    assert.ok(is.message(failed[0]));
    assert.match(labelOf(failed[0].item), /^Failed to load: /);
    assert.ok((await rows(api, site.node)).some(is.folder), 'the rest of the tree keeps working');
    await click(failed[0].item);
    assert.deepEqual(
      (await rows(api, collection!.node)).map((r) => r.item.id),
      before,
    );
  });

  it('applies the sccm.lab.faults setting to the running lab at once', async () => {
    const collection = await findRow(api, site.node, customWithMembers);
    const config = vscode.workspace.getConfiguration('sccm');
    await config.update('lab.faults', { error500Every: 1 }, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('sccm.explorer.refresh', collection!.node);
      const failed = await rows(api, collection!.node);
      assert.ok(is.message(failed[0]) && /^Failed to load: /.test(labelOf(failed[0].item)), labelOf(failed[0].item));
    } finally {
      await config.update('lab.faults', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the lab without faults', async () => {
      await vscode.commands.executeCommand('sccm.explorer.refresh', collection!.node);
      const loaded = await rows(api, collection!.node);
      return loaded.some(is.device) ? loaded : undefined;
    });
  });

  it('retries a 503 by itself', async () => {
    const collection = await findRow(api, site.node, customWithMembers);
    // Every 2nd request answers 503: of two loads in a row, at least one meets it and must retry.
    api.lab.setFaults({ throttle503Every: 2 });
    try {
      for (let load = 0; load < 2; load++) {
        await vscode.commands.executeCommand('sccm.explorer.refresh', collection!.node);
        const again = await rows(api, collection!.node);
        assert.ok(again.some(is.device) && again.every((r) => is.device(r) || is.loadMore(r)), labelOf(again[0].item));
      }
    } finally {
      api.lab.setFaults({});
    }
  });

  it('Update Membership asks the site to evaluate, waits for it and refreshes the node', async () => {
    const collection = await findRow(api, site.node, (r) => is.collection(r) && !tokens(r.item).includes('builtIn'));
    // The hover as a person sees it: the node's row, its tooltip resolved.
    const lastRefresh = async (): Promise<string | undefined> => {
      const item = await api.tree.getTreeItem(collection!.node);
      const resolved = await api.tree.resolveTreeItem!(item, collection!.node, new vscode.CancellationTokenSource().token);
      return /\| Last refresh \| ([^|]+) \|/.exec(tooltipText(resolved!))?.[1];
    };
    const before = await lastRefresh();
    assert.ok(before);
    await vscode.commands.executeCommand('sccm.collection.updateMembership', collection!.node);
    assert.notEqual(await lastRefresh(), before, 'the tooltip shows the new evaluation');
  });

  it('shows device properties and deployments as read-only Markdown documents', async () => {
    const collection = await findRow(api, site.node, customWithMembers);
    const device = (await rows(api, collection!.node))[0];
    assert.ok(is.device(device), labelOf(device.item));
    await vscode.commands.executeCommand('sccm.device.showProperties', device.node);
    const doc = await waitFor('the properties document', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'sccm-site' ? vscode.window.activeTextEditor.document : undefined));
    assert.equal(doc.languageId, 'markdown');
    assert.ok(doc.getText().startsWith(`# ${labelOf(device.item)}`));
    assert.match(doc.getText(), /\| SMBIOS GUID \|/);
    await vscode.commands.executeCommand('sccm.collection.showDeployments', collection!.node);
    const deployments = await waitFor('the deployments document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.path.endsWith('/deployments.md') ? d : undefined;
    });
    assert.match(deployments.getText(), /^# Deployments to /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs a context command from the palette by picking the collection', async () => {
    const collection = await findRow(api, site.node, (r) => is.collection(r) && !tokens(r.item).includes('builtIn'));
    const name = labelOf(collection!.item);
    api.answerPrompts([name, name]);
    await vscode.commands.executeCommand('sccm.collection.showDeployments');
    const asked = api.askedPrompts();
    api.answerPrompts(undefined);
    assert.deepEqual(
      asked.map((p) => p.kind),
      ['inputBox', 'quickPick'],
    );
    const doc = await waitFor('the deployments document', () => vscode.window.activeTextEditor?.document);
    assert.ok(doc.getText().includes(name.replace(/[\\`*_{}[\]<>#|~&]/g, (c) => `\\${c}`)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows "Signing in…" while the site connects again after Forget Credentials', async () => {
    await vscode.commands.executeCommand('sccm.site.signOut', site.node);
    const first = (await api.tree.getChildren(site.node)) ?? [];
    const item = await api.tree.getTreeItem(first[0]);
    assert.equal(labelOf(item), 'Signing in…');
    assert.ok((await rows(api, site.node)).some(is.folder));
  });
});
