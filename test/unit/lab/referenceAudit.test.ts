import * as assert from 'node:assert/strict';
import { odataQuery } from './support/labClient';
import { startFixture, type LabFixture } from './support/fixture';

type Entity = Record<string, unknown>;
type ErrorJson = { error: { code: string; message: string } };
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * Facts of reference/adminservice-api.md the lab got wrong before the audit, plus the request
 * forms coming features rely on that no other test drove. Every expected value comes from the
 * reference (section given), not from the lab's output.
 */
describe('lab site: facts checked against the AdminService reference', () => {
  let f: LabFixture;
  const created: string[] = [];
  const createCollection = async (name: string): Promise<Entity> => {
    const res = await f.admin.request('POST', '/wmi/SMS_Collection', { Name: name, CollectionType: 2, LimitToCollectionID: 'SMS00001', Comment: '' });
    assert.equal(res.status, 201, res.text);
    const entity = res.json as Entity;
    created.push(String(entity.CollectionID));
    return entity;
  };
  before(async () => {
    f = await startFixture();
  });
  after(async () => {
    for (const id of created) await f.admin.request('DELETE', `/wmi/SMS_Collection('${id}')`);
    await f.close();
  });

  it('counts the class properties in __PROPERTY_COUNT, not __QUALIFIER_SECURITYVERBS (§1.7: 42 for SMS_Collection)', async () => {
    const entity = await createCollection('Audit - property count');
    // The reference's create sample lists 42 properties and says __PROPERTY_COUNT 42.
    assert.equal(entity.__PROPERTY_COUNT, 42);
    const own = Object.keys(entity).filter((k) => !k.startsWith('__') && !k.startsWith('@odata.'));
    assert.equal(own.length, 42);
    assert.equal(entity.__QUALIFIER_SECURITYVERBS, -1);
  });

  it('treats SMS_Collection.RefreshType as lazy: null in lists, the value on a keyed read (§2.1)', async () => {
    const [listed] = await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: "CollectionID eq 'SMS00001'" })}`);
    assert.equal(listed.RefreshType, null);
    assert.ok((listed.__LAZYPROPERTIES as string[]).includes('RefreshType'));
    const [keyed] = await f.values("/wmi/SMS_Collection('SMS00001')");
    assert.ok([1, 2, 4, 6].includes(keyed.RefreshType as number), String(keyed.RefreshType));
    // A filter on the lazy property still runs on the provider side.
    const incremental = await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: 'RefreshType eq 6', $select: 'CollectionID' })}`);
    assert.ok(incremental.some((c) => c.CollectionID === 'SMS00001') === (keyed.RefreshType === 6));
  });

  it('answers a method call whose parameters do not bind with 404 naming the parameter; entity bodies keep 400 (§1.4)', async () => {
    const collection = await createCollection('Audit - binding');
    const [device] = await f.values(`/wmi/SMS_R_System${odataQuery({ $top: 1, $select: 'ResourceId,Name' })}`);
    const wrongType = await f.admin.request('POST', `/wmi/SMS_Collection('${collection.CollectionID}')/AdminService.AddMembershipRule`, {
      collectionRule: { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceClassName: 'SMS_R_System', RuleName: device.Name, ResourceID: String(device.ResourceId) },
    });
    assert.equal(wrongType.status, 404);
    assert.equal((wrongType.json as ErrorJson).error.code, '404');
    assert.match((wrongType.json as ErrorJson).error.message, /ResourceID/);
    const notObject = await f.admin.request('POST', '/wmi/SMS_ClientOperation.InitiateClientOperation', [8]);
    assert.equal(notObject.status, 404);
    const badEntity = await f.admin.request('POST', '/wmi/SMS_Collection', { Name: 'Audit - bad type', CollectionType: '2', LimitToCollectionID: 'SMS00001' });
    assert.equal(badEntity.status, 400);
  });

  it('calls instance methods by the /key/AdminService.Method form too, RequestRefresh with no body (§1.4, §1.9)', async () => {
    const collection = await createCollection('Audit - path form');
    const [device] = await f.values(`/wmi/SMS_R_System${odataQuery({ $top: 1, $select: 'ResourceId,Name' })}`);
    const add = await f.admin.request('POST', `/wmi/SMS_Collection/${collection.CollectionID}/AdminService.AddMembershipRule`, {
      collectionRule: { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceClassName: 'SMS_R_System', RuleName: device.Name, ResourceID: device.ResourceId },
    }, { 'Content-Type': 'application/json; odata=verbose' });
    assert.equal(add.status, 201);
    const refresh = await f.admin.request('POST', `/wmi/SMS_Collection('${collection.CollectionID}')/AdminService.RequestRefresh`);
    assert.equal(refresh.status, 201);
    assert.equal((refresh.json as Entity)['@odata.context'], `${f.lab.baseUrl}/wmi/$metadata#__PARAMETERS`);
    await f.lab.idle();
    const members = await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: `CollectionID eq '${collection.CollectionID}'`, $select: 'ResourceID,IsDirect' })}`);
    assert.deepEqual(members, [{ ResourceID: device.ResourceId, IsDirect: true }]);
  });

  it('has SMS_ClientOperationStatus.TimeLastUpdated (§2.6)', async () => {
    const [member] = await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: "CollectionID eq 'SMS00001'", $top: 1 })}`);
    const started = await f.admin.request('POST', '/wmi/SMS_ClientOperation.InitiateClientOperation', { Type: 8, TargetCollectionID: 'SMS00001', TargetResourceIDs: [member.ResourceID], RandomizationWindow: 1 });
    assert.equal(started.status, 201);
    const id = (started.json as Entity).OperationID as number;
    const [status] = await f.values(`/wmi/SMS_ClientOperationStatus(${id})`);
    assert.match(String(status.TimeLastUpdated), ISO_SECONDS);
    await f.lab.idle();
  });

  it('serialises SMS_R_System.ObjectGUID (UInt8[]) as base64 of 16 bytes, null for an imported record (§2.2, §1.7)', async () => {
    const [discovered] = await f.values(`/wmi/SMS_R_System${odataQuery({ $filter: 'Client eq 1', $top: 1 })}`);
    assert.equal(Buffer.from(String(discovered.ObjectGUID), 'base64').length, 16);
    const imported = await f.admin.request('POST', '/wmi/SMS_Site.ImportMachineEntry', { NetbiosName: 'AUDIT-IMP-01', MACAddress: '00:15:5D:AD:17:01', OverwriteExistingRecord: false });
    const [record] = await f.values(`/wmi/SMS_R_System(${(imported.json as Entity).ResourceID})`);
    assert.equal(record.ObjectGUID, null);
  });

  it('types $metadata as the provider does: SInt32 as Edm.Int32, embedded rules, method parameters (§1.7)', async () => {
    const res = await f.admin.request('GET', '/wmi/$metadata');
    assert.equal(res.status, 200);
    const collection = /<EntityType Name="SMS_Collection">.*?<\/EntityType>/.exec(res.text)?.[0] ?? '';
    assert.match(collection, /<Property Name="MemberCount" Type="Edm.Int32"\/>/);
    assert.match(collection, /<Property Name="CollectionType" Type="Edm.Int64"\/>/);
    assert.match(collection, /<Property Name="CollectionRules" Type="Collection\(AdminService.SMS_CollectionRule\)"\/>/);
    assert.match(collection, /<Property Name="ISVData" Type="Edm.Binary"\/>/);
    assert.match(res.text, /<ComplexType Name="SMS_CollectionRuleDirect" BaseType="AdminService.SMS_CollectionRule">/);
    const add = /<Action Name="AddMembershipRule" IsBound="true">.*?<\/Action>/.exec(res.text)?.[0] ?? '';
    assert.match(add, /<Parameter Name="collectionRule" Type="AdminService.SMS_CollectionRule"\/><ReturnType Type="Edm.Int32"\/>/);
    const importEntry = /<Action Name="SMS_Site.ImportMachineEntry">.*?<\/Action>/.exec(res.text)?.[0] ?? '';
    assert.match(importEntry, /<Parameter Name="MACAddress" Type="Edm.String"\/>/);
    assert.match(importEntry, /<Parameter Name="OverwriteExistingRecord" Type="Edm.Boolean"\/>/);
    assert.match(res.text, /<Property Name="ObjectGUID" Type="Edm.Binary"\/>/);
  });
});
