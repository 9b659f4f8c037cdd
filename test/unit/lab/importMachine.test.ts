import * as assert from 'node:assert/strict';
import { odataQuery } from './support/labClient';
import { startFixture, type LabFixture } from './support/fixture';

type Entity = Record<string, unknown>;

describe('lab site: SMS_Site.ImportMachineEntry', () => {
  let f: LabFixture;
  before(async () => {
    f = await startFixture();
  });
  after(async () => {
    await f.close();
  });
  const importMachine = (body: Entity) => f.admin.request('POST', '/wmi/SMS_Site.ImportMachineEntry', body);

  it('creates a new SMS_R_System record with a new ResourceId and no client', async () => {
    const res = await importMachine({ NetbiosName: 'PXE-NEW-0001', MACAddress: '00:15:5D:AA:BB:01', SMBIOSGUID: '4C4C4544-0038-5A10-8052-B5C04F4A4C32', OverwriteExistingRecord: false });
    assert.equal(res.status, 201);
    const out = res.json as Entity;
    assert.equal(out['@odata.context'], `${f.lab.baseUrl}/wmi/$metadata#__PARAMETERS`);
    assert.equal(out.MachineExists, false);
    assert.equal(out.ReturnValue, 0);
    const id = out.ResourceID as number;
    assert.ok(id >= 16777216);
    const [device] = await f.values(`/wmi/SMS_R_System(${id})`);
    assert.equal(device.Name, 'PXE-NEW-0001');
    assert.equal(device.Client, 0);
    assert.deepEqual(device.MACAddresses, ['00:15:5D:AA:BB:01']);
    assert.deepEqual(device.AgentName, ['Manual Machine Entry']);
  });

  it('reports MachineExists and creates nothing when the MAC or the GUID is already known', async () => {
    const first = (await importMachine({ NetbiosName: 'PXE-DUP-0001', MACAddress: '00:15:5D:AA:BB:02', OverwriteExistingRecord: false })).json as Entity;
    for (const body of [
      { NetbiosName: 'PXE-DUP-0002', MACAddress: '00:15:5d:aa:bb:02', OverwriteExistingRecord: false },
      { NetbiosName: 'PXE-DUP-0003', SMBIOSGUID: '4C4C4544-0038-5A10-8052-B5C04F4A4C32' },
    ]) {
      const out = (await importMachine(body)).json as Entity;
      assert.equal(out.MachineExists, true, JSON.stringify(body));
    }
    const again = (await importMachine({ NetbiosName: 'PXE-DUP-0002', MACAddress: '00:15:5D:AA:BB:02', OverwriteExistingRecord: false })).json as Entity;
    assert.equal(again.ResourceID, first.ResourceID);
    const named = await f.values(`/wmi/SMS_R_System${odataQuery({ $filter: "startswith(Name,'PXE-DUP-')" })}`);
    assert.deepEqual(named.map((d) => d.Name), ['PXE-DUP-0001']);
  });

  it('updates the existing record in place when OverwriteExistingRecord is true', async () => {
    const first = (await importMachine({ NetbiosName: 'PXE-OVR-0001', MACAddress: '00:15:5D:AA:BB:03' })).json as Entity;
    const second = (await importMachine({ NetbiosName: 'PXE-OVR-0002', MACAddress: '00:15:5D:AA:BB:03', OverwriteExistingRecord: true })).json as Entity;
    assert.equal(second.MachineExists, true);
    assert.equal(second.ResourceID, first.ResourceID);
    assert.equal((await f.values(`/wmi/SMS_R_System(${first.ResourceID})`))[0].Name, 'PXE-OVR-0002');
  });

  it('answers 500 with the provider message without a name, without MAC and GUID, or with a dash MAC', async () => {
    for (const body of [
      { MACAddress: '00:15:5D:AA:BB:04' },
      { NetbiosName: 'PXE-BAD-0001' },
      { NetbiosName: 'PXE-BAD-0002', MACAddress: '00-15-5D-AA-BB-05' },
      { NetbiosName: 'PXE-BAD-0003', SMBIOSGUID: 'not-a-guid' },
      // Not computer names (the name is also the lab client's log folder: no path may come of it).
      { NetbiosName: '../../PXE-BAD-0005', MACAddress: '00:15:5D:AA:BB:08' },
      { NetbiosName: 'LAB\\PXE-BAD-0006', MACAddress: '00:15:5D:AA:BB:09' },
      { NetbiosName: '..', MACAddress: '00:15:5D:AA:BB:0A' },
    ]) {
      const res = await importMachine(body);
      assert.equal(res.status, 500, JSON.stringify(body));
      const error = (res.json as { error: { code: string; message: string } }).error;
      assert.equal(error.code, '500');
      assert.match(error.message, /ImportMachineEntry failed/);
    }
  });

  it('answers 404 naming the parameter when OverwriteExistingRecord is not a JSON boolean', async () => {
    const res = await importMachine({ NetbiosName: 'PXE-BAD-0004', MACAddress: '00:15:5D:AA:BB:06', OverwriteExistingRecord: 'True' });
    // Wrong parameter types make a method call 404 on real sites (reference §1.4).
    assert.equal(res.status, 404);
    assert.match((res.json as { error: { message: string } }).error.message, /OverwriteExistingRecord/);
  });

  it('shows a new record in All Systems after the incremental evaluation', async () => {
    const out = (await importMachine({ NetbiosName: 'PXE-INC-0001', MACAddress: '00:15:5D:AA:BB:07' })).json as Entity;
    await f.lab.idle();
    const rows = await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: `CollectionID eq 'SMS00001' and ResourceID eq ${out.ResourceID}` })}`);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].IsClient, false);
  });
});
