import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectionContextValue, createContextValue, deviceContextValue, siteContextValue } from '../../../src/tree/contextValue';

interface MenuItem {
  command: string;
  when?: string;
}

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } };

/** Evaluates the `viewItem =~ /…/` parts of a package.json when-clause, as VS Code does. */
function menuShows(command: string, contextValue: string): boolean {
  const entries = pkg.contributes.menus['view/item/context'].filter((m) => m.command === command);
  return entries.some((m) => {
    const tests = [...(m.when ?? '').matchAll(/viewItem =~ \/(.+?)\/(?=\s|$)/g)].map((r) => new RegExp(r[1]));
    return tests.length > 0 && tests.every((re) => re.test(contextValue));
  });
}

const collection = { type: 'device' as const, isBuiltIn: false, memberCount: 12, currentStatus: 1 };
const member = { isClient: true, isActive: true, isDirect: true, isObsolete: false };

describe('tree: contextValue token sets', () => {
  it('are unique, sorted and ;-joined', () => {
    assert.equal(createContextValue(['sccmDevice', 'client', undefined, false, 'active', 'client']), 'active;client;sccmDevice');
    assert.throws(() => createContextValue(['a;b']));
  });

  it('carry the tokens later tasks need on collections and devices', () => {
    assert.equal(collectionContextValue(collection), 'custom;device;hasMembers;sccmCollection');
    assert.equal(collectionContextValue({ ...collection, isBuiltIn: true, memberCount: 0, currentStatus: 5 }), 'builtIn;device;empty;refreshing;sccmCollection');
    assert.equal(deviceContextValue(member), 'active;client;direct;sccmDevice');
    assert.equal(deviceContextValue({ ...member, isClient: false, isDirect: false }), 'inactive;indirect;noClient;sccmDevice');
    assert.equal(deviceContextValue({ ...member, isActive: false, isObsolete: true }), 'client;direct;inactive;obsolete;sccmDevice');
  });

  it('make package.json show each context command on the right nodes only', () => {
    const site = siteContextValue('lab', 'connected');
    const coll = collectionContextValue(collection);
    const dev = deviceContextValue(member);
    assert.ok(menuShows('sccm.collection.updateMembership', coll));
    assert.ok(menuShows('sccm.collection.showDeployments', coll));
    assert.ok(menuShows('sccm.collection.copyId', coll));
    assert.ok(!menuShows('sccm.collection.updateMembership', dev), 'a device is not a collection');
    assert.ok(!menuShows('sccm.collection.updateMembership', site));
    assert.ok(menuShows('sccm.device.showProperties', dev));
    assert.ok(menuShows('sccm.device.copyName', deviceContextValue({ ...member, isClient: false })));
    assert.ok(!menuShows('sccm.device.showProperties', coll), '"device" (collection type) must not match sccmDevice');
    assert.ok(menuShows('sccm.site.signIn', site));
    assert.ok(menuShows('sccm.site.remove', site));
    assert.ok(!menuShows('sccm.site.remove', coll));
    assert.ok(menuShows('sccm.explorer.refresh', coll) && menuShows('sccm.explorer.refresh', site));
    assert.ok(!menuShows('sccm.explorer.refresh', dev));
  });
});
