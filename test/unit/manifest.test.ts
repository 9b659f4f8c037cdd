import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, LogCommands, SCCM_LOG_LANGUAGE_ID, ViewerCommands, ViewerViewTypes, Views } from '../../src/constants';

const ROOT = path.resolve(__dirname, '..', '..');

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command?: string; submenu?: string }>>;
    keybindings?: Array<{ command: string }>;
    views: Record<string, Array<{ id: string }>>;
    viewsContainers: Record<string, Array<{ id: string }>>;
    viewsWelcome?: Array<{ view: string; contents: string }>;
    customEditors?: Array<{ viewType: string }>;
    languages?: Array<{ id: string }>;
  };
}

const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributed = new Set(pkg.contributes.commands.map((c) => c.command));

/** What GitLens' generator guarantees: constants.ts and package.json name the same ids. */
describe('manifest: package.json against constants.ts', () => {
  it('contributes exactly the commands constants.ts declares', () => {
    const declared = new Set<string>([...Object.values(Commands), ...Object.values(LogCommands), ...Object.values(ViewerCommands)]);
    assert.deepEqual([...declared].filter((c) => !contributed.has(c)).sort(), [], 'declared but not contributed');
    assert.deepEqual([...contributed].filter((c) => !declared.has(c)).sort(), [], 'contributed but not declared');
  });

  it('menus, keybindings and welcome links only name contributed commands', () => {
    const used = [
      ...Object.entries(pkg.contributes.menus).flatMap(([menu, items]) => items.flatMap((i) => (i.command ? [`${menu}: ${i.command}`] : []))),
      ...(pkg.contributes.keybindings ?? []).map((k) => `keybindings: ${k.command}`),
    ];
    assert.deepEqual(used.filter((u) => !contributed.has(u.split(': ')[1])), []);
    const links = Object.values(nls).flatMap((text) => [...text.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.ok(links.length > 0, 'the welcome views link commands');
    // workbench.* commands are VS Code's own.
    assert.deepEqual(links.filter((c) => !c.startsWith('workbench.') && !contributed.has(c)), []);
  });

  it('contributes the view, view container, custom editor and language the code uses', () => {
    assert.ok(pkg.contributes.viewsContainers.activitybar.some((c) => c.id === Views.container));
    assert.ok(pkg.contributes.views[Views.container]?.some((v) => v.id === Views.sites));
    assert.ok((pkg.contributes.viewsWelcome ?? []).every((w) => w.view === Views.sites));
    assert.ok((pkg.contributes.customEditors ?? []).some((e) => e.viewType === ViewerViewTypes.customEditor));
    assert.ok((pkg.contributes.languages ?? []).some((l) => l.id === SCCM_LOG_LANGUAGE_ID));
  });

  it('gives every command a title and the SCCM category from package.nls.json', () => {
    for (const c of pkg.contributes.commands) {
      assert.match(c.title, /^%[\w.]+%$/, `${c.command} has a localisable title`);
      assert.equal(c.category, '%sccm.category%', c.command);
    }
    const keys = [...manifestText.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(keys.filter((k) => !(k in nls)), [], 'package.json names a missing package.nls.json key');
  });
});
