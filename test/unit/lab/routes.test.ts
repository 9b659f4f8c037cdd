import * as assert from 'node:assert/strict';
import { odataQuery } from './support/labClient';
import { startFixture, type LabFixture } from './support/fixture';

type Entity = Record<string, unknown>;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('lab site: AdminService routes and payload shapes', () => {
  let f: LabFixture;
  before(async () => {
    f = await startFixture();
  });
  after(async () => {
    await f.close();
  });

  it('lists a class in the OData envelope with WMI system properties', async () => {
    const res = await f.admin.request('GET', '/wmi/SMS_Site');
    assert.equal(res.status, 200);
    const body = res.json as { '@odata.context': string; value: Entity[] };
    assert.equal(body['@odata.context'], `${f.lab.baseUrl}/wmi/$metadata#SMS_Site`);
    const site = body.value[0];
    assert.equal(site.SiteCode, 'PS1');
    assert.equal(site['@odata.etag'], 'PS1');
    assert.equal(site.__CLASS, 'SMS_Site');
    assert.equal(site.__RELPATH, 'SMS_Site.SiteCode="PS1"');
    assert.equal(site.__NAMESPACE, 'root\\sms\\site_PS1');
    assert.equal(site.__PATH, `\\\\${site.__SERVER}\\root\\sms\\site_PS1:SMS_Site.SiteCode="PS1"`);
    assert.ok(Array.isArray(site.__LAZYPROPERTIES));
    assert.equal(typeof site.BuildNumber, 'number');
  });

  it('treats class names case-insensitively and answers in WMI casing', async () => {
    const [row] = await f.values(`/wmi/sms_r_system${odataQuery({ $select: 'name,resourceid', $top: 1 })}`);
    assert.deepEqual(Object.keys(row), ['Name', 'ResourceId']);
  });

  it('GET by key returns a one-element value with the lazy CollectionRules filled', async () => {
    const list = await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: "CollectionID eq 'SMSDM003'" })}`);
    assert.equal(list[0].CollectionRules, null, 'lazy in lists');
    assert.ok((list[0].__LAZYPROPERTIES as string[]).includes('CollectionRules'));
    for (const path of ["/wmi/SMS_Collection('SMSDM003')", '/wmi/SMS_Collection/SMSDM003']) {
      const value = await f.values(path);
      assert.equal(value.length, 1, path);
      const rules = value[0].CollectionRules as Entity[];
      assert.equal(rules[0]['@odata.type'], '#AdminService.SMS_CollectionRuleQuery');
      assert.match(String(rules[0].QueryExpression), /ClientType = 1/);
      assert.equal(value[0].LimitToCollectionID, 'SMS00001');
      assert.equal(value[0].LimitToCollectionName, 'All Systems');
      assert.equal(value[0].MemberClassName, 'SMS_CM_RES_COLL_SMSDM003');
    }
  });

  it('serialises the SMS_R_System key as ResourceId and the membership key as ResourceID', async () => {
    const [member] = await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: "CollectionID eq 'SMS00001'", $top: 1 })}`);
    const id = member.ResourceID as number;
    assert.equal(typeof id, 'number');
    assert.equal(member.ResourceId, undefined);
    for (const path of [`/wmi/SMS_R_System(${id})`, `/wmi/SMS_R_System/${id}`]) {
      const [device] = await f.values(path);
      assert.equal(device.ResourceId, id);
      assert.equal(device.ResourceID, undefined);
      assert.equal(device['@odata.etag'], String(id));
      assert.equal(device.__RELPATH, `SMS_R_System.ResourceId=${id}`);
      assert.ok(Array.isArray(device.MACAddresses));
      for (const mac of device.MACAddresses as string[]) assert.match(mac, /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    }
  });

  it('answers a missing key with 404 and the error JSON (code as a string)', async () => {
    for (const path of ["/wmi/SMS_Collection('PS1FFFFF')", '/wmi/SMS_R_System(1)', '/wmi/SMS_NoSuchClass', '/wmi/SMS_Site.NoSuchMethod']) {
      const res = await f.admin.request('GET', path);
      assert.equal(res.status, 404, path);
      const error = (res.json as { error: { code: unknown; message: unknown } }).error;
      assert.equal(error.code, '404');
      assert.equal(typeof error.message, 'string');
    }
  });

  it('formats dates as ISO UTC seconds with Z, and unset collection dates as the provider does', async () => {
    const [all] = await f.values("/wmi/SMS_Collection('SMS00001')");
    assert.match(String(all.LastRefreshTime), ISO_SECONDS);
    assert.equal(all.IncrementalEvaluationMemberChangeTime, '1970-01-01T00:00:00Z');
    const created = await f.admin.request('POST', '/wmi/SMS_Collection', { Name: 'Routes - date check', CollectionType: 2, LimitToCollectionID: 'SMS00001' });
    const entity = created.json as Entity;
    assert.equal(entity.LastRefreshTime, '1980-01-01T12:00:00Z');
    assert.equal(entity.LastMemberChangeTime, '1980-01-01T06:00:00Z');
    assert.equal((await f.admin.request('DELETE', `/wmi/SMS_Collection('${entity.CollectionID}')`)).status, 204);
  });

  it('creates with 201 and a $entity body, deletes with 204', async () => {
    const res = await f.admin.request('POST', '/wmi/SMS_Collection', { Name: 'Routes - created', CollectionType: 2, LimitToCollectionID: 'SMS00001', Comment: 'test' });
    assert.equal(res.status, 201);
    const entity = res.json as Entity;
    assert.equal(entity['@odata.context'], `${f.lab.baseUrl}/wmi/$metadata#SMS_Collection/$entity`);
    assert.match(String(entity.CollectionID), /^PS1[0-9A-F]{5}$/);
    assert.deepEqual(entity.CollectionRules, []);
    assert.equal(entity.ObjectPath, '/');
    assert.equal(entity.CurrentStatus, 5);
    const del = await f.admin.request('DELETE', `/wmi/SMS_Collection/${entity.CollectionID}`);
    assert.equal(del.status, 204);
    assert.equal(del.text, '');
    assert.equal((await f.admin.request('GET', `/wmi/SMS_Collection('${entity.CollectionID}')`)).status, 404);
  });

  it('answers method calls with 201 and a #__PARAMETERS object, also for a static method called with GET', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await f.admin.request(method, '/wmi/SMS_Identification.GetSiteID', method === 'POST' ? {} : undefined);
      assert.equal(res.status, 201, method);
      const body = res.json as Entity;
      assert.equal(body['@odata.context'], `${f.lab.baseUrl}/wmi/$metadata#__PARAMETERS`);
      assert.match(String(body.SiteID), /^\{[0-9A-F-]{36}\}$/);
      assert.equal(body.ReturnValue, 0);
    }
  });

  it('lists console folders and the collections of a folder by ObjectPath', async () => {
    const folders = await f.values('/wmi/SMS_ObjectContainerNode');
    assert.ok(folders.length >= 10);
    for (const folder of folders) assert.equal(folder.ObjectType, 5000);
    const deepest = Math.max(...folders.map((x) => String(x.ObjectPath).split('/').length - 1));
    assert.equal(deepest, 3, 'three levels');
    const items = await f.values('/wmi/SMS_ObjectContainerItem');
    const item = items[0];
    const folder = folders.find((x) => x.ContainerNodeID === item.ContainerNodeID)!;
    const inFolder = await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: `ObjectPath eq '${folder.ObjectPath}'`, $orderby: 'Name', $select: 'CollectionID,Name,ObjectPath' })}`);
    assert.ok(inFolder.some((c) => c.CollectionID === item.InstanceKey));
    const names = inFolder.map((c) => String(c.Name).toUpperCase());
    assert.deepEqual(names, [...names].sort());
    const root = await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: "ObjectPath eq '/'", $select: 'CollectionID' })}`);
    assert.ok(root.some((c) => c.CollectionID === 'SMS00001'));
    assert.ok(!root.some((c) => c.CollectionID === item.InstanceKey));
  });

  it('pages with $top/$skip/$orderby without @odata.nextLink', async () => {
    const all = await f.values(`/wmi/SMS_R_System${odataQuery({ $orderby: 'Name desc,ResourceId', $select: 'ResourceId,Name' })}`);
    const pages: Entity[] = [];
    for (let skip = 0; skip < all.length; skip += 150) {
      const res = await f.admin.request('GET', `/wmi/SMS_R_System${odataQuery({ $orderby: 'Name desc,ResourceId', $select: 'ResourceId,Name', $top: 150, $skip: skip })}`);
      assert.equal((res.json as Entity)['@odata.nextLink'], undefined);
      pages.push(...(res.json as { value: Entity[] }).value);
    }
    assert.deepEqual(pages, all);
    assert.ok(String(all[0].Name).toUpperCase() >= String(all[all.length - 1].Name).toUpperCase());
  });

  it('answers 400 to a malformed $filter and to an unknown property', async () => {
    for (const filter of ["Name eq 'x", 'Name eq', 'NoSuchProperty eq 1', "ResourceId eq 'abc'"]) {
      const res = await f.admin.request('GET', `/wmi/SMS_R_System${odataQuery({ $filter: filter })}`);
      assert.equal(res.status, 400, filter);
      assert.equal((res.json as { error: { code: string } }).error.code, '400');
    }
  });

  it('answers 404 to a raw backslash in the URL, while %5C works', async () => {
    const raw = await f.admin.request('GET', "/wmi/SMS_R_System?$filter=LastLogonUserName%20eq%20'LAB\\jsmith'");
    assert.equal(raw.status, 404);
    const encoded = await f.admin.request('GET', `/wmi/SMS_R_System${odataQuery({ $filter: "SystemGroupName/any(g: startswith(g, 'LAB\\APP-'))", $top: 1 })}`);
    assert.equal(encoded.status, 200);
    assert.equal((encoded.json as { value: Entity[] }).value.length, 1);
  });

  it('serves deployments of a collection and the software they deploy', async () => {
    const pilot = (await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: "Name eq 'Pilot - Line-of-Business Apps'" })}`))[0];
    const deployments = await f.values(`/wmi/SMS_DeploymentSummary${odataQuery({ $filter: `CollectionID eq '${pilot.CollectionID}'` })}`);
    assert.ok(deployments.some((d) => d.SoftwareName === 'SAP GUI for Windows 8.00 PL8' && d.FeatureType === 1 && d.DeploymentIntent === 1));
    const assignment = deployments.find((d) => d.FeatureType === 1)!;
    const [app] = await f.values(`/wmi/SMS_Application(${assignment.CI_ID})`);
    assert.equal(app.LocalizedDisplayName, assignment.SoftwareName);
    assert.equal((await f.values(`/wmi/SMS_ApplicationAssignment(${assignment.AssignmentID})`))[0].TargetCollectionID, pilot.CollectionID);
    assert.ok((await f.values('/wmi/SMS_TaskSequencePackage')).length >= 2);
    assert.ok((await f.values('/wmi/SMS_Advertisement')).some((a) => a.ProgramName === '*'));
  });

  it('serves per-collection member classes and v1.0 Device', async () => {
    const members = await f.values(`/wmi/SMS_CM_RES_COLL_SMSDM003${odataQuery({ $top: 5, $orderby: 'Name' })}`);
    assert.equal(members.length, 5);
    assert.equal(members[0].CollectionID, undefined);
    const id = members[0].ResourceID as number;
    const list = await f.admin.request('GET', `/v1.0/Device${odataQuery({ $filter: `MachineId eq ${id}` })}`);
    assert.equal((list.json as { value: Entity[] }).value[0].Name, members[0].Name);
    const one = await f.admin.request('GET', `/v1.0/Device(${id})`);
    assert.equal(one.status, 200);
    assert.equal((one.json as Entity).MachineId, id);
    assert.equal((one.json as Entity)['@odata.context'], `${f.lab.baseUrl}/v1.0/$metadata#Device/$entity`);
  });

  it('publishes $metadata listing entity sets, keys and actions', async () => {
    const res = await f.admin.request('GET', '/wmi/$metadata');
    assert.equal(res.status, 200);
    assert.match(res.text, /<EntityType Name="SMS_Collection"><Key><PropertyRef Name="CollectionID"\/><\/Key>/);
    assert.match(res.text, /<Action Name="AddMembershipRule" IsBound="true">/);
    assert.match(res.text, /<ActionImport Name="SMS_Site.ImportMachineEntry"/);
  });
});
