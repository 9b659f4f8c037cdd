import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SitesTestingApi } from '../../src/sites/testingApi';
import { click, is, labelOf, rows, siteRow, sitesSetting, sitesTesting, tokens, tooltipText } from './sitesTestKit';

const SITE = 'Lab over AdminService';

async function setSites(update: (sites: Record<string, unknown>[]) => Record<string, unknown>[]): Promise<void> {
  const config = vscode.workspace.getConfiguration('sccm');
  const current = (config.inspect<Record<string, unknown>[]>('sites')?.globalValue ?? []).map((s) => ({ ...s }));
  await config.update('sites', update(current), vscode.ConfigurationTarget.Global);
}

describe('Sites view: sign-in, credentials and site settings', function () {
  this.timeout(120000);
  let api: SitesTestingApi;
  let admin: { user: string; password: string };

  before(async () => {
    api = await sitesTesting();
    await vscode.commands.executeCommand('sccm.site.openLab');
    const accounts = JSON.parse(fs.readFileSync(path.join(api.lab.dataDir, 'accounts.json'), 'utf8')) as unknown;
    const list = (Array.isArray(accounts) ? accounts : (accounts as { accounts: unknown[] }).accounts) as Array<{ user: string; password: string; role: string }>;
    admin = list.find((a) => a.role === 'full')!;
  });

  after(async () => {
    api?.answerPrompts(undefined);
    await setSites((sites) => sites.filter((s) => s.name !== SITE));
  });

  it('adds an AdminService site from prompts; an unpinned self-signed certificate says to set caFile or certificateThumbprint', async () => {
    api.answerPrompts(['AdminService', SITE, api.lab.baseUrl!, 'PS1', admin.user, admin.password]);
    await vscode.commands.executeCommand('sccm.site.add');
    const asked = api.askedPrompts();
    api.answerPrompts(undefined);
    assert.equal(asked.length, 6);
    assert.equal(asked[5].password, true, 'the password box masks what is typed');
    assert.ok(asked.slice(0, 5).every((p) => !p.password));
    const entry = sitesSetting().find((s) => (s as { name?: string }).name === SITE);
    assert.deepEqual(entry, { name: SITE, backend: 'adminService', url: api.lab.baseUrl, siteCode: 'PS1', userName: admin.user });
    const children = await rows(api, (await siteRow(api, SITE)).node);
    assert.equal(children.length, 1);
    assert.ok(is.message(children[0]));
    assert.match(labelOf(children[0].item), /caFile|certificateThumbprint/);
  });

  it('signs in once the certificate is pinned, with the password from SecretStorage, never from settings', async () => {
    await setSites((sites) => sites.map((s) => (s.name === SITE ? { ...s, certificateThumbprint: api.lab.certificateThumbprint } : s)));
    const site = await siteRow(api, SITE);
    const children = await rows(api, site.node);
    assert.ok(children.some(is.folder), labelOf(children[0].item));
    assert.ok(tokens(await api.tree.getTreeItem(site.node)).includes('connected'));
    assert.equal(await api.hasStoredPassword(SITE), true);
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('sccm').inspect('sites'));
    assert.ok(!settingsText.includes(admin.password), 'no password in any settings scope');
    assert.match(api.statusBarText() ?? '', /PS1 · /);
  });

  it('a wrong password shows "Sign in to …" in the tree, and signing in again recovers', async () => {
    api.answerPrompts(['not-the-password']);
    await vscode.commands.executeCommand('sccm.site.signIn', SITE);
    api.answerPrompts(undefined);
    const site = await siteRow(api, SITE);
    const [message] = await rows(api, site.node);
    assert.equal(labelOf(message.item), `Sign in to ${SITE}…`);
    assert.equal(message.item.command?.command, 'sccm.site.signIn');
    assert.match(tooltipText(message.item), /wrong user name\/password/);
    assert.ok(!tooltipText(message.item).includes('not-the-password'));
    api.answerPrompts([admin.password]);
    await click(message.item);
    api.answerPrompts(undefined);
    assert.ok((await rows(api, site.node)).some(is.folder));
  });

  it('Forget Credentials deletes the password from SecretStorage and the site asks to sign in', async () => {
    const site = await siteRow(api, SITE);
    await vscode.commands.executeCommand('sccm.site.signOut', site.node);
    assert.equal(await api.hasStoredPassword(SITE), false);
    const [message] = await rows(api, site.node);
    assert.equal(labelOf(message.item), `Sign in to ${SITE}…`);
    assert.ok(tokens(message.item).includes('signIn'));
  });

  it('Remove Site asks first, then removes the site from the user settings', async () => {
    const site = await siteRow(api, SITE);
    api.answerPrompts([{ cancel: true }]);
    await vscode.commands.executeCommand('sccm.site.remove', site.node);
    assert.ok(sitesSetting().some((s) => (s as { name?: string }).name === SITE), 'dismissing the question keeps the site');
    api.answerPrompts(['Remove']);
    await vscode.commands.executeCommand('sccm.site.remove', site.node);
    api.answerPrompts(undefined);
    assert.ok(!sitesSetting().some((s) => (s as { name?: string }).name === SITE));
    assert.ok(!(await rows(api)).some((r) => labelOf(r.item) === SITE));
  });
});
