import * as assert from 'node:assert/strict';
import { AdminServiceBackend } from '../../../src/core/site/adminService/AdminServiceBackend';
import { SiteError } from '../../../src/core/site/errors';
import { makeCertificate, type TestCertificate } from './support/certificates';
import { FakeAdminService, type FakeReply, type FakeRequest } from './support/fakeAdminService';

/** The request the backend sent, decoded: path and each query option. */
function decode(request: FakeRequest): { path: string; options: Record<string, string> } {
  const [path, query = ''] = request.url.split('?');
  const options: Record<string, string> = {};
  for (const part of query.split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    options[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
  }
  return { path: decodeURIComponent(path), options };
}

const collection = (id: string, name: string, path = '/') => ({ CollectionID: id, Name: name, CollectionType: 2, ObjectPath: path, MemberCount: 1 });

describe('AdminService backend: the requests it sends', function () {
  this.timeout(20_000);
  let certificate: TestCertificate;
  let server: FakeAdminService | undefined;
  let backend: AdminServiceBackend | undefined;

  before(async () => {
    certificate = await makeCertificate();
  });

  afterEach(async () => {
    backend?.dispose();
    backend = undefined;
    await server?.close();
    server = undefined;
  });

  async function connect(handler: (request: FakeRequest) => FakeReply): Promise<AdminServiceBackend> {
    server = await new FakeAdminService({ certificate, accounts: { 'LAB\\admin': 'pw' }, handler }).start();
    backend = new AdminServiceBackend({
      baseUrl: server.baseUrl,
      siteCode: 'PS1',
      trust: { kind: 'pin', algorithm: 'sha1', thumbprint: certificate.sha1 },
      getCredentials: () => ({ userName: 'LAB\\admin', password: 'pw' }),
      retry: { initialDelayMs: 5, maxDelayMs: 10 },
    });
    return backend;
  }

  it('adds a direct rule with exactly the reference body', async () => {
    const b = await connect(() => ({ status: 201, body: { ReturnValue: 0 } }));
    await b.addDirectMembershipRule('ps100012', { resourceId: 16777220, ruleName: "PC'123" });
    const sent = server!.requests[0];
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, "/AdminService/wmi/SMS_Collection('PS100012')/AdminService.AddMembershipRule");
    assert.deepEqual(JSON.parse(sent.body), {
      collectionRule: { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceClassName: 'SMS_R_System', RuleName: "PC'123", ResourceID: 16777220 },
    });
  });

  it('removes a rule with DeleteMembershipRule and the same body, and refreshes with RequestRefresh', async () => {
    const b = await connect(() => ({ status: 201, body: { ReturnValue: 0 } }));
    await b.removeDirectMembershipRule('PS100012', { resourceId: 16777220, ruleName: 'PC123' });
    await b.requestCollectionRefresh('PS100012');
    assert.equal(server!.requests[0].url, "/AdminService/wmi/SMS_Collection('PS100012')/AdminService.DeleteMembershipRule");
    assert.equal(JSON.parse(server!.requests[0].body).collectionRule.ResourceID, 16777220);
    assert.equal(server!.requests[1].url, "/AdminService/wmi/SMS_Collection('PS100012')/AdminService.RequestRefresh");
  });

  it('imports a machine with a colon MAC and a boolean OverwriteExistingRecord', async () => {
    const b = await connect(() => ({ status: 201, body: { ResourceID: 16777300, MachineExists: false, ReturnValue: 0 } }));
    const result = await b.importMachineEntry({ name: 'PC-NEW', macAddress: '00-15-5d-01-02-03', overwriteExistingRecord: false });
    assert.deepEqual(result, { resourceId: 16777300, machineExists: false });
    assert.equal(server!.requests[0].url, '/AdminService/wmi/SMS_Site.ImportMachineEntry');
    assert.deepEqual(JSON.parse(server!.requests[0].body), { NetbiosName: 'PC-NEW', MACAddress: '00:15:5D:01:02:03', OverwriteExistingRecord: false });
  });

  it('finds the imported record when the site returns no ResourceID', async () => {
    const b = await connect((r) =>
      r.method === 'POST'
        ? { status: 201, body: { MachineExists: false, ReturnValue: 0 } }
        : { status: 200, body: { value: [{ ResourceId: 16777301, Name: 'PC-NEW', MACAddresses: ['00:15:5D:01:02:03'] }] } },
    );
    const result = await b.importMachineEntry({ name: 'PC-NEW', macAddress: '00:15:5D:01:02:03', overwriteExistingRecord: false });
    assert.deepEqual(result, { resourceId: 16777301, machineExists: false });
  });

  it('starts a client operation with numeric TargetResourceIDs and returns its id', async () => {
    const b = await connect(() => ({ status: 201, body: { '@odata.context': 'x#__PARAMETERS', OperationID: 16777301, ReturnValue: 0 } }));
    assert.deepEqual(await b.initiateClientOperation({ type: 8, collectionId: 'PS100012', resourceIds: [16777220, 16777221] }), { operationId: 16777301 });
    assert.equal(server!.requests[0].url, '/AdminService/wmi/SMS_ClientOperation.InitiateClientOperation');
    assert.deepEqual(JSON.parse(server!.requests[0].body), { Type: 8, TargetCollectionID: 'PS100012', RandomizationWindow: 1, TargetResourceIDs: [16777220, 16777221] });
    await assert.rejects(b.initiateClientOperation({ type: 999, collectionId: 'PS100012', resourceIds: [] }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
    assert.equal(server!.requests.length, 1, 'an unknown type never reaches the site');
  });

  it('pages collections of a folder with top+1, skip and a stable order', async () => {
    const rows = [collection('PS100001', 'A'), collection('PS100002', 'B'), collection('PS100003', 'C')];
    const b = await connect(() => ({ status: 200, body: { value: rows } }));
    const page = await b.listCollections({ top: 2, skip: 4, folderPath: '/Servers/Patch', search: "O'Neil" });
    const { path, options } = decode(server!.requests[0]);
    assert.equal(path, '/AdminService/wmi/SMS_Collection');
    assert.equal(options.$filter, "((CollectionType eq 2) and (ObjectPath eq '/Servers/Patch')) and (contains(Name,'O''Neil'))");
    assert.equal(options.$top, '3');
    assert.equal(options.$skip, '4');
    assert.equal(options.$orderby, 'Name,CollectionID');
    assert.deepEqual(page.items.map((c) => c.id), ['PS100001', 'PS100002']);
    assert.equal(page.hasMore, true);
  });

  it('never puts a backslash in a filter: the search is refined on this side', async () => {
    const rows = [collection('PS100001', 'LAB\\Servers'), collection('PS100002', 'LAB Servers'), collection('PS100003', 'Servers')];
    const b = await connect(() => ({ status: 200, body: { value: rows } }));
    const page = await b.listCollections({ top: 10, search: 'lab\\servers' });
    const sent = server!.requests.map((r) => r.url).join('\n');
    assert.ok(!sent.includes('%5C') && !sent.includes('\\'), sent);
    assert.equal(decode(server!.requests[0]).options.$filter, "(CollectionType eq 2) and (contains(Name,'servers'))");
    assert.deepEqual(page.items.map((c) => c.name), ['LAB\\Servers']);
  });

  it('follows @odata.nextLink when the site caps a page', async () => {
    const b = await connect((r) =>
      r.url.includes('$skiptoken')
        ? { status: 200, body: { value: [collection('PS100003', 'C')] } }
        : { status: 200, body: { value: [collection('PS100001', 'A'), collection('PS100002', 'B')], '@odata.nextLink': `${server!.baseUrl}/wmi/SMS_Collection?$skiptoken=2` } },
    );
    const page = await b.listCollections({ top: 3 });
    assert.deepEqual(page.items.map((c) => c.id), ['PS100001', 'PS100002', 'PS100003']);
    assert.equal(page.hasMore, false);
    assert.equal(server!.requests.length, 2);
  });

  it('reads a collection by key from a one-element value array or a bare entity', async () => {
    let bare = false;
    const entity = { ...collection('PS100012', 'Pilot'), CollectionRules: [{ '@odata.type': '#AdminService.SMS_CollectionRuleDirect', RuleName: 'PC1', ResourceID: 1, ResourceClassName: 'SMS_R_System' }] };
    const b = await connect(() => ({ status: 200, body: bare ? entity : { value: [entity] } }));
    const fromArray = await b.getCollection('PS100012');
    bare = true;
    const fromEntity = await b.getCollection('PS100012');
    assert.deepEqual(fromArray, fromEntity);
    assert.equal(fromArray.rules.length, 1);
    assert.equal(server!.requests[0].url, "/AdminService/wmi/SMS_Collection('PS100012')");
  });

  it('reports a missing collection as notFound naming it', async () => {
    const b = await connect(() => ({ status: 404, body: { error: { code: '404', message: 'No instance found' } } }));
    await assert.rejects(b.getCollection('PS1FFFFF'), (e: unknown) => e instanceof SiteError && e.kind === 'notFound' && /Collection PS1FFFFF was not found/.test(e.message));
  });

  it('finds devices by name, MAC and GUID, each device once', async () => {
    const pc = { ResourceId: 5, Name: 'PC5', MACAddresses: ['00:15:5D:00:00:05'], SMBIOSGUID: 'E8A3EFAC-201F-4E69-953E-B2DAA1E8B1B6' };
    const dup = { ResourceId: 6, Name: 'pc5', MACAddresses: [] };
    const b = await connect((r) => ({ status: 200, body: { value: decode(r).options.$filter.startsWith('Name') ? [pc, dup] : [pc] } }));
    const devices = await b.findDevices({ name: 'PC5', macAddress: '00155d000005', smbiosGuid: '{e8a3efac-201f-4e69-953e-b2daa1e8b1b6}' });
    assert.deepEqual(devices.map((d) => d.resourceId), [5, 6]);
    assert.deepEqual(server!.requests.map((r) => decode(r).options.$filter), [
      "Name eq 'PC5'",
      "MACAddresses/any(m: m eq '00:15:5D:00:00:05')",
      "SMBIOSGUID eq 'E8A3EFAC-201F-4E69-953E-B2DAA1E8B1B6'",
    ]);
  });

  it('refuses invalid ids before any request', async () => {
    const b = await connect(() => ({ status: 200, body: { value: [] } }));
    await assert.rejects(b.getCollection("PS1' or 1 eq 1"), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
    await assert.rejects(b.getDevice(-5), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
    await assert.rejects(b.addDirectMembershipRule('PS100012', { resourceId: 1.5, ruleName: 'x' }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidInput');
    assert.equal(server!.rawRequestCount, 0);
  });

  it('reads the site and its folders', async () => {
    const b = await connect((r) =>
      r.url.includes('SMS_Site')
        ? { status: 200, body: { value: [{ SiteCode: 'PS1', SiteName: 'Lab Primary', Version: '5.00.9128.1000', BuildNumber: 9128 }] } }
        : { status: 200, body: { value: [{ ContainerNodeID: 7, Name: 'Servers', ParentContainerNodeID: 0, ObjectType: 5000 }] } },
    );
    assert.deepEqual(await b.getSiteInfo(), { siteCode: 'PS1', siteName: 'Lab Primary', version: '5.00.9128.1000', buildNumber: 9128, providerHost: '127.0.0.1' });
    assert.deepEqual(await b.listCollectionFolders(), [{ id: 7, name: 'Servers', parentId: 0, path: '/Servers' }]);
    assert.equal(decode(server!.requests[1]).options.$filter, 'ObjectType eq 5000');
  });
});
