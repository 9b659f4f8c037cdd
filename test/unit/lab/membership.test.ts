import * as assert from 'node:assert/strict';
import { odataQuery } from './support/labClient';
import { startFixture, type LabFixture } from './support/fixture';

type Entity = Record<string, unknown>;

describe('lab site: membership rules and collection evaluation', () => {
  let f: LabFixture;
  let workstation: Entity;
  let server: Entity;
  before(async () => {
    f = await startFixture({ refreshDelayMs: 300 });
    [workstation] = await f.values(`/wmi/SMS_R_System${odataQuery({ $filter: "startswith(Name,'WKS-') and Obsolete eq 0", $top: 1, $orderby: 'Name' })}`);
    [server] = await f.values(`/wmi/SMS_R_System${odataQuery({ $filter: "startswith(Name,'SRV-')", $top: 1 })}`);
  });
  after(async () => {
    await f.close();
  });

  const create = async (name: string, limit = 'SMS00001', refreshType?: number): Promise<string> => {
    const res = await f.admin.request('POST', '/wmi/SMS_Collection', { Name: name, CollectionType: 2, LimitToCollectionID: limit, ...(refreshType ? { RefreshType: refreshType } : {}) });
    assert.equal(res.status, 201, res.text);
    await f.lab.idle();
    return String((res.json as Entity).CollectionID);
  };
  const directRule = (device: Entity) => ({ '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceClassName: 'SMS_R_System', RuleName: device.Name, ResourceID: device.ResourceId });
  const call = (id: string, method: string, body: unknown = {}) => f.admin.request('POST', `/wmi/SMS_Collection('${id}')/AdminService.${method}`, body);
  const memberIds = async (id: string): Promise<number[]> => (await f.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: `CollectionID eq '${id}'`, $select: 'ResourceID' })}`)).map((m) => m.ResourceID as number);

  it('stores a direct rule at once but shows the member only after RequestRefresh and the refresh delay', async () => {
    const id = await create('Membership - manual');
    const add = await call(id, 'AddMembershipRule', { collectionRule: directRule(workstation) });
    assert.equal(add.status, 201);
    assert.equal((add.json as Entity)['@odata.context'], `${f.lab.baseUrl}/wmi/$metadata#__PARAMETERS`);
    assert.equal((add.json as Entity).ReturnValue, 0);
    const [stored] = await f.values(`/wmi/SMS_Collection('${id}')`);
    assert.deepEqual(stored.CollectionRules, [directRule(workstation)]);

    assert.equal((await call(id, 'RequestRefresh')).status, 201);
    assert.deepEqual(await memberIds(id), [], 'not visible before the evaluation ran');
    assert.equal((await f.values(`/wmi/SMS_Collection('${id}')`))[0].CurrentStatus, 5);
    await f.lab.idle();
    assert.deepEqual(await memberIds(id), [workstation.ResourceId]);
    const [member] = await f.values(`/wmi/SMS_CM_RES_COLL_${id}`);
    assert.equal(member.ResourceID, workstation.ResourceId);
    assert.equal(member.IsDirect, true);
    const [after] = await f.values(`/wmi/SMS_Collection('${id}')`);
    assert.equal(after.MemberCount, 1);
    assert.equal(after.CurrentStatus, 1);
  });

  it('evaluates an incremental collection after a rule change without RequestRefresh', async () => {
    const id = await create('Membership - incremental', 'SMS00001', 6);
    await call(id, 'AddMembershipRule', { collectionRule: directRule(server) });
    await f.lab.idle();
    assert.deepEqual(await memberIds(id), [server.ResourceId]);
  });

  it('respects the limiting collection', async () => {
    const [servers] = await f.values(`/wmi/SMS_Collection${odataQuery({ $filter: "Name eq 'All Windows Servers'" })}`);
    const id = await create('Membership - limited to servers', String(servers.CollectionID));
    const rules = await call(id, 'AddMembershipRules', { collectionRules: [directRule(workstation), directRule(server)] });
    assert.equal(rules.status, 201);
    assert.deepEqual((rules.json as Entity).QueryIDs, [0, 0]);
    await call(id, 'RequestRefresh');
    await f.lab.idle();
    assert.deepEqual(await memberIds(id), [server.ResourceId]);
  });

  it('evaluates query and include/exclude rules', async () => {
    const id = await create('Membership - query');
    const query = await call(id, 'AddMembershipRule', {
      collectionRule: { '@odata.type': '#AdminService.SMS_CollectionRuleQuery', RuleName: 'Servers', QueryExpression: 'select * from SMS_R_System where SMS_R_System.Name like "SRV-%"' },
    });
    assert.ok(((query.json as Entity).QueryID as number) > 0);
    const combined = await create('Membership - include/exclude');
    await call(combined, 'AddMembershipRule', { collectionRule: { '@odata.type': '#AdminService.SMS_CollectionRuleIncludeCollection', IncludeCollectionID: id } });
    const manual = await create('Membership - to exclude');
    await call(manual, 'AddMembershipRule', { collectionRule: directRule(server) });
    await call(combined, 'AddMembershipRule', { collectionRule: { '@odata.type': '#AdminService.SMS_CollectionRuleExcludeCollection', ExcludeCollectionID: manual } });
    for (const c of [id, manual, combined]) {
      await call(c, 'RequestRefresh');
      await f.lab.idle();
    }
    const servers = await memberIds(id);
    assert.ok(servers.length > 1);
    assert.ok(servers.includes(server.ResourceId as number));
    const result = await memberIds(combined);
    assert.deepEqual(
      result.sort(),
      servers.filter((s) => s !== server.ResourceId).sort(),
    );
  });

  it('removes a direct rule matched by ResourceID; removing a missing rule is a no-op', async () => {
    const id = await create('Membership - delete rule');
    await call(id, 'AddMembershipRule', { collectionRule: directRule(workstation) });
    await call(id, 'RequestRefresh');
    await f.lab.idle();
    const del = await call(id, 'DeleteMembershipRule', { collectionRule: { ...directRule(workstation), RuleName: 'another name' } });
    assert.equal(del.status, 201);
    assert.deepEqual((await f.values(`/wmi/SMS_Collection('${id}')`))[0].CollectionRules, []);
    assert.equal((await call(id, 'DeleteMembershipRule', { collectionRule: directRule(server) })).status, 201);
    await call(id, 'RequestRefresh');
    await f.lab.idle();
    assert.deepEqual(await memberIds(id), []);
  });

  it('validates rules: @odata.type, ResourceClassName and a numeric ResourceID (404, parameters that do not bind); duplicates (500, already exists)', async () => {
    const id = await create('Membership - validation');
    const bad: unknown[] = [
      { ResourceClassName: 'SMS_R_System', ResourceID: workstation.ResourceId },
      { '@odata.type': '#AdminService.SMS_CollectionRuleWhatever', ResourceID: 1 },
      { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceID: workstation.ResourceId },
      { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceClassName: 'SMS_R_System', ResourceID: String(workstation.ResourceId) },
    ];
    for (const rule of bad) {
      const res = await call(id, 'AddMembershipRule', { collectionRule: rule });
      // A method call whose parameters do not bind matches no action: 404 (reference §1.4).
      assert.equal(res.status, 404, JSON.stringify(rule));
      assert.equal((res.json as { error: { code: string } }).error.code, '404');
    }
    assert.equal((await call(id, 'AddMembershipRule', { collectionRule: directRule(workstation) })).status, 201);
    const duplicate = await call(id, 'AddMembershipRule', { collectionRule: directRule(workstation) });
    assert.equal(duplicate.status, 500);
    assert.match((duplicate.json as { error: { message: string } }).error.message, /already exists/);
    assert.equal(((await f.values(`/wmi/SMS_Collection('${id}')`))[0].CollectionRules as unknown[]).length, 1);
  });

  it('refuses to delete a built-in collection or one other collections depend on', async () => {
    assert.equal((await f.admin.request('DELETE', "/wmi/SMS_Collection('SMS00001')")).status, 500);
    const base = await create('Membership - base');
    const dependent = await create('Membership - dependent', base);
    assert.equal((await f.admin.request('DELETE', `/wmi/SMS_Collection('${base}')`)).status, 500);
    assert.equal((await f.admin.request('DELETE', `/wmi/SMS_Collection('${dependent}')`)).status, 204);
    assert.equal((await f.admin.request('DELETE', `/wmi/SMS_Collection('${base}')`)).status, 204);
  });
});
