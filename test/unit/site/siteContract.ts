import * as assert from 'node:assert/strict';
import type { SiteBackend } from '../../../src/core/site/contract';
import { SiteError } from '../../../src/core/site/errors';
import type { Collection, Device, Page } from '../../../src/core/site/model';
import { CancellationError, CancellationSource } from '../../../src/core/util/cancellation';

/**
 * The behaviour every SiteBackend must show, run against a real site (the lab, or a Windows
 * site for the PowerShell backend). Expected values come from `facts`, which the fixture learns
 * independently of the backend under test (for the lab: from its seed generator).
 */

export interface SiteFacts {
  siteCode: string;
  /** Every device-collection folder path (`/Servers/Sites`). */
  folderPaths: string[];
  /** Every device collection. */
  collections: { id: string; name: string; folderPath: string }[];
  devices: { resourceId: number; name: string; macAddresses: string[]; smbiosGuid: string | null; ipAddresses: string[] }[];
  /** A device collection with direct rules only, limited to a collection that holds every device. */
  directCollection: { id: string; memberIds: number[] };
  /** A client device that is not a member of directCollection. */
  spareDeviceId: number;
  /** A collection with deployments, and the software names deployed to it. */
  deployments: { collectionId: string; softwareNames: string[] };
}

export interface SiteContractFixture {
  backend: SiteBackend;
  /** The same site through an account that may read but not change anything. */
  readOnlyBackend: SiteBackend;
  facts: SiteFacts;
  /** Makes the site answer slowly (for cancelling mid-request); undefined when it cannot. */
  slowDown?: (latencyMs: number) => void;
  dispose(): Promise<void>;
}

const upper = (s: string): string => s.toUpperCase();

async function allPages<T>(read: (skip: number) => Promise<Page<T>>, top: number): Promise<T[]> {
  const items: T[] = [];
  for (let skip = 0; ; skip += top) {
    const page = await read(skip);
    assert.ok(page.items.length <= top, `a page holds at most ${top} items`);
    items.push(...page.items);
    if (!page.hasMore) return items;
    assert.equal(page.items.length, top, 'only the last page may be short');
  }
}

async function pollUntil(check: () => Promise<boolean>, deadlineMs: number, what: string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`${what} did not happen within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const sortedIds = (items: readonly { id: string }[]): string[] => items.map((c) => c.id).sort();

export function describeSiteContract(name: string, setup: () => Promise<SiteContractFixture>): void {
  describe(`SiteBackend contract: ${name}`, function () {
    this.timeout(60_000);
    let fx: SiteContractFixture;
    let backend: SiteBackend;
    let facts: SiteFacts;

    before(async function () {
      this.timeout(120_000);
      fx = await setup();
      backend = fx.backend;
      facts = fx.facts;
    });

    after(async () => {
      await fx?.dispose();
    });

    const collectionsIn = (folderPath: string) => facts.collections.filter((c) => c.folderPath === folderPath);

    it('describes the site', async () => {
      const info = await backend.getSiteInfo();
      assert.equal(info.siteCode, facts.siteCode);
      assert.match(info.version, /^\d+\.\d+\.\d+\.\d+$/);
      assert.ok(info.providerHost.length > 0);
    });

    it('lists every device-collection folder with its console path', async () => {
      const folders = await backend.listCollectionFolders();
      assert.deepEqual(folders.map((f) => f.path).sort(), [...facts.folderPaths].sort());
      const byId = new Map(folders.map((f) => [f.id, f]));
      for (const folder of folders) {
        const parent = byId.get(folder.parentId);
        assert.equal(folder.path, `${parent ? parent.path : ''}/${folder.name}`);
      }
    });

    it('lists the collections at the root and in a folder, ordered by name', async () => {
      const root = await allPages((skip) => backend.listCollections({ top: 500, skip, folderPath: '/' }), 500);
      assert.deepEqual(sortedIds(root), sortedIds(collectionsIn('/')));
      assert.ok(root.every((c) => c.folderPath === '/' && c.type === 'device'));
      const names = root.map((c) => c.name);
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

      const folder = facts.folderPaths.map((p) => ({ p, n: collectionsIn(p).length })).sort((a, b) => b.n - a.n)[0].p;
      const inFolder = await allPages((skip) => backend.listCollections({ top: 500, skip, folderPath: folder }), 500);
      assert.ok(inFolder.length > 0);
      assert.deepEqual(sortedIds(inFolder), sortedIds(collectionsIn(folder)));
    });

    it('searches collection names across folders, case-insensitively', async () => {
      const needle = 'ring';
      const found = await allPages((skip) => backend.listCollections({ top: 500, skip, search: needle.toUpperCase() }), 500);
      const expected = facts.collections.filter((c) => c.name.toLowerCase().includes(needle));
      assert.ok(expected.length > 0, 'the site has collections to find');
      assert.deepEqual(sortedIds(found), sortedIds(expected));
      assert.ok(new Set(found.map((c) => c.folderPath)).size > 1 || new Set(expected.map((c) => c.folderPath)).size === 1);
    });

    it('pages with top/skip: page 2 differs from page 1, hasMore is right, never more than top', async () => {
      const top = 7;
      const total = facts.collections.length;
      const first = await backend.listCollections({ top, skip: 0 });
      const second = await backend.listCollections({ top, skip: top });
      assert.equal(first.items.length, top);
      assert.equal(first.hasMore, true);
      assert.ok(second.items.length <= top);
      const overlap = first.items.filter((a) => second.items.some((b) => b.id === a.id));
      assert.deepEqual(overlap, []);
      const last = await backend.listCollections({ top, skip: total - 3 });
      assert.equal(last.items.length, 3);
      assert.equal(last.hasMore, false);
      const exact = await backend.listCollections({ top, skip: total - top });
      assert.equal(exact.items.length, top);
      assert.equal(exact.hasMore, false, 'a full last page says there is no more');
      const everything: Collection[] = await allPages((skip) => backend.listCollections({ top: 50, skip }), 50);
      assert.deepEqual(sortedIds(everything), sortedIds(facts.collections));
    });

    it('reads a collection with its membership rules', async () => {
      const detail = await backend.getCollection(facts.directCollection.id);
      assert.equal(detail.id, facts.directCollection.id);
      assert.ok(detail.rules.length > 0);
      const direct = detail.rules.filter((r) => r.kind === 'direct');
      assert.equal(direct.length, detail.rules.length, 'only direct rules on this collection');
      assert.deepEqual(direct.map((r) => (r.kind === 'direct' ? r.resourceId : 0)).sort(), [...facts.directCollection.memberIds].sort());
    });

    it('pages the members of a collection', async () => {
      const members = await allPages((skip) => backend.listCollectionMembers(facts.directCollection.id, { top: 3, skip }), 3);
      assert.deepEqual(members.map((m) => m.resourceId).sort(), [...facts.directCollection.memberIds].sort());
      assert.ok(members.every((m) => m.isDirect));
      const names = members.map((m) => m.name);
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    });

    it('reads a device: MACs colon upper case, SMBIOS GUID upper case, IP addresses', async () => {
      const truth = facts.devices.find((d) => d.macAddresses.length > 0 && d.smbiosGuid && d.ipAddresses.length > 0)!;
      const device = await backend.getDevice(truth.resourceId);
      assert.equal(device.resourceId, truth.resourceId);
      assert.equal(device.name, truth.name);
      assert.deepEqual([...device.macAddresses].sort(), truth.macAddresses.map(upper).sort());
      assert.ok(device.macAddresses.every((m) => /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(m)));
      assert.equal(device.smbiosGuid, upper(truth.smbiosGuid!));
      assert.deepEqual([...device.ipAddresses].sort(), [...truth.ipAddresses].sort());
    });

    it('finds devices by name, MAC and SMBIOS GUID, duplicates included', async () => {
      const countBy = (key: (d: SiteFacts['devices'][number]) => string[]): Map<string, number[]> => {
        const map = new Map<string, number[]>();
        for (const d of facts.devices) for (const k of key(d)) map.set(k, [...(map.get(k) ?? []), d.resourceId]);
        return map;
      };
      const dupOf = (map: Map<string, number[]>): [string, number[]] => [...map.entries()].find(([, ids]) => ids.length > 1)!;
      const ids = (devices: Device[]): number[] => devices.map((d) => d.resourceId).sort((a, b) => a - b);
      const sorted = (list: number[]): number[] => [...list].sort((a, b) => a - b);

      const [name, nameIds] = dupOf(countBy((d) => [d.name.toUpperCase()]));
      assert.deepEqual(ids(await backend.findDevices({ name: name.toLowerCase() })), sorted(nameIds));
      const [mac, macIds] = dupOf(countBy((d) => d.macAddresses.map(upper)));
      assert.deepEqual(ids(await backend.findDevices({ macAddress: mac.replace(/:/g, '-').toLowerCase() })), sorted(macIds));
      const [guid, guidIds] = dupOf(countBy((d) => (d.smbiosGuid ? [upper(d.smbiosGuid)] : [])));
      assert.deepEqual(ids(await backend.findDevices({ smbiosGuid: `{${guid.toLowerCase()}}` })), sorted(guidIds));
      assert.deepEqual(await backend.findDevices({ name: 'NO-SUCH-PC-9Z' }), []);
    });

    it('adds a direct rule, the member appears after a refresh, and goes after removal', async function () {
      this.timeout(90_000);
      const id = facts.directCollection.id;
      const device = facts.spareDeviceId;
      const isMember = async (): Promise<boolean> => {
        const members = await allPages((skip) => backend.listCollectionMembers(id, { top: 500, skip }), 500);
        return members.some((m) => m.resourceId === device);
      };
      assert.equal(await isMember(), false);
      const ruleName = facts.devices.find((d) => d.resourceId === device)!.name;
      await backend.addDirectMembershipRule(id, { resourceId: device, ruleName });
      try {
        const rules = (await backend.getCollection(id)).rules;
        assert.ok(rules.some((r) => r.kind === 'direct' && r.resourceId === device));
        await backend.requestCollectionRefresh(id);
        await pollUntil(isMember, 30_000, 'the new member showing');
      } finally {
        await backend.removeDirectMembershipRule(id, { resourceId: device, ruleName });
      }
      const after = (await backend.getCollection(id)).rules;
      assert.ok(!after.some((r) => r.kind === 'direct' && r.resourceId === device));
      await backend.requestCollectionRefresh(id);
      await pollUntil(async () => !(await isMember()), 30_000, 'the member leaving');
    });

    it('imports a new machine, then reports the same one as existing', async () => {
      const suffix = Date.now().toString(16).slice(-6).toUpperCase();
      const mac = `02:00:5E:${suffix.slice(0, 2)}:${suffix.slice(2, 4)}:${suffix.slice(4, 6)}`;
      const name = `IMP-${suffix}`;
      const first = await backend.importMachineEntry({ name, macAddress: mac, overwriteExistingRecord: false });
      assert.equal(first.machineExists, false);
      assert.ok(first.resourceId > 0);
      const device = await backend.getDevice(first.resourceId);
      assert.equal(device.name, name);
      assert.deepEqual(device.macAddresses, [mac]);
      const again = await backend.importMachineEntry({ name, macAddress: mac, overwriteExistingRecord: false });
      assert.equal(again.machineExists, true);
    });

    it('starts a client operation and returns its id', async () => {
      const result = await backend.initiateClientOperation({ type: 8, collectionId: facts.directCollection.id, resourceIds: facts.directCollection.memberIds.slice(0, 2) });
      assert.ok(Number.isSafeInteger(result.operationId) && result.operationId > 0);
    });

    it('lists the deployments of a collection', async () => {
      const deployments = await backend.listDeployments(facts.deployments.collectionId);
      assert.deepEqual(deployments.map((d) => d.softwareName).sort(), [...facts.deployments.softwareNames].sort());
      assert.ok(deployments.every((d) => d.collectionId === facts.deployments.collectionId));
    });

    it('reports a missing collection as notFound', async () => {
      const missing = `${facts.siteCode}FFFF0`;
      await assert.rejects(backend.getCollection(missing), (e: unknown) => e instanceof SiteError && e.kind === 'notFound' && e.message.includes(missing));
    });

    it('refuses a write from a read-only account and changes nothing', async () => {
      const id = facts.directCollection.id;
      const before = (await backend.getCollection(id)).rules;
      await assert.rejects(
        fx.readOnlyBackend.addDirectMembershipRule(id, { resourceId: facts.spareDeviceId, ruleName: 'should-not-exist' }),
        (e: unknown) => e instanceof SiteError && (e.kind === 'forbidden' || e.kind === 'auth'),
      );
      assert.deepEqual((await backend.getCollection(id)).rules, before);
    });

    it('cancels a request in flight', async () => {
      fx.slowDown?.(3000);
      try {
        const source = new CancellationSource();
        const started = Date.now();
        const pending = backend.listCollections({ top: 5 }, { token: source.token });
        setTimeout(() => source.cancel(), 50);
        await assert.rejects(pending, CancellationError);
        assert.ok(Date.now() - started < 1500, 'rejected at once, not when the site answered');
      } finally {
        fx.slowDown?.(0);
      }
      // The backend is still usable after a cancelled request.
      assert.equal((await backend.listCollections({ top: 1 })).items.length, 1);
    });
  });
}
