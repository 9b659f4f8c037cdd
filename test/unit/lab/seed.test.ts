import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { generateSite, SMALL_PRESET, type SeedParameters } from '../../../src/core/lab/seed/generate';
import { LabStore } from '../../../src/core/lab/state/store';

/** Hash of everything a seed produces, including evaluated memberships. */
function digest(params: SeedParameters): { hash: string; store: LabStore } {
  const content = generateSite(params);
  const store = new LabStore(content);
  store.evaluateAll(content.generatedAt);
  const h = createHash('sha256').update(JSON.stringify(content));
  for (const [id, rows] of store.members) h.update(`${id}:${Array.from(rows, (r) => store.devices.rows[r].resourceId).join(',')}`);
  return { hash: h.digest('hex'), store };
}

describe('lab seed generator', () => {
  const params = { seed: 7, collections: 300, devices: 20_000 };
  let store: LabStore;
  let hash: string;
  before(() => {
    ({ hash, store } = digest(params));
  });

  it('is deterministic: the same seed gives the same state, another seed another', () => {
    assert.equal(digest(params).hash, hash);
    assert.notEqual(digest({ ...params, seed: 8 }).hash, hash);
  });

  it('generates the requested numbers of devices and collections with built-ins', () => {
    assert.equal(store.devices.size, params.devices);
    for (const id of ['SMS00001', 'SMS00002', 'SMS00004', 'SMSDM001', 'SMSDM003']) assert.ok(store.collections.has(id), id);
    const generated = [...store.collections.values()].filter((c) => !c.isBuiltIn).length;
    assert.ok(generated >= params.collections, `${generated} generated collections`);
    assert.equal(store.memberCount('SMS00001'), params.devices);
  });

  it('names devices and hardware the way real sites do', () => {
    for (const d of store.devices.rows) {
      assert.match(d.name, /^((WKS|LAP|VDI)-[A-Z]{3}-\d{5}|SRV-[A-Z]{3}-[A-Z]+\d{3})$/);
      for (const mac of d.macs) assert.match(mac, /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
      if (d.smbiosGuid) assert.match(d.smbiosGuid, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    }
  });

  it('has a few dozen shared SMBIOS GUIDs and MACs, like cloned boards and docks', () => {
    const count = (values: string[]) => {
      const m = new Map<string, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0);
    };
    const sharedGuids = count(store.devices.rows.filter((d) => !d.obsolete).flatMap((d) => (d.smbiosGuid ? [d.smbiosGuid] : [])));
    const sharedMacs = count(store.devices.rows.filter((d) => !d.obsolete).flatMap((d) => d.macs));
    assert.ok(sharedGuids >= 8 && sharedGuids <= 60, `${sharedGuids} devices share a GUID`);
    assert.ok(sharedMacs >= 8 && sharedMacs <= 60, `${sharedMacs} devices share a MAC`);
    assert.ok(store.devices.byGuid('03000200-0400-0500-0006-000700080009').length >= 6);
  });

  it('has a collection holding most devices, folders three levels deep, deployments and failing apps', () => {
    const biggest = Math.max(...[...store.collections.values()].filter((c) => !c.isBuiltIn).map((c) => store.memberCount(c.collectionId)));
    assert.ok(biggest >= params.devices / 2, `${biggest} members`);
    assert.ok(Math.max(...[...store.folders.values()].map((f) => f.path.split('/').length - 1)) === 3);
    assert.ok(store.assignments.size > 10);
    assert.ok([...store.assignments.values()].some((a) => a.offerTypeId === 0) && [...store.assignments.values()].some((a) => a.offerTypeId === 2));
    assert.ok([...store.applications.values()].filter((a) => a.failure).length >= 2);
    assert.ok(store.advertisements.size >= 3);
  });

  it('keeps the small preset small and complete', () => {
    const small = digest(SMALL_PRESET).store;
    assert.equal(small.devices.size, 400);
    assert.ok(small.collections.size >= 60 && small.collections.size < 90);
    assert.ok([...small.collections.values()].some((c) => c.name === 'Pilot - Line-of-Business Apps'));
  });
});
