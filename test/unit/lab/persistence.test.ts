import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readRunningLab } from '../../../src/core/lab/labSite';
import { odataQuery } from './support/labClient';
import { startFixture, tempDir } from './support/fixture';

type Entity = Record<string, unknown>;

describe('lab site: persistence', () => {
  const dataDir = tempDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps collections, rules, imported devices, accounts and certificate across a restart', async () => {
    const first = await startFixture({ dataDir });
    const info = await readRunningLab(dataDir);
    assert.equal(info?.baseUrl, first.lab.baseUrl);
    assert.equal(info?.certificateThumbprint, first.lab.certificateThumbprint);
    const created = (await first.admin.request('POST', '/wmi/SMS_Collection', { Name: 'Persisted collection', CollectionType: 2, LimitToCollectionID: 'SMS00001' })).json as Entity;
    const imported = (await first.admin.request('POST', '/wmi/SMS_Site.ImportMachineEntry', { NetbiosName: 'PERSIST-0001', MACAddress: '00:15:5D:CC:00:01' })).json as Entity;
    const rule = { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', ResourceClassName: 'SMS_R_System', RuleName: 'PERSIST-0001', ResourceID: imported.ResourceID };
    await first.admin.request('POST', `/wmi/SMS_Collection('${created.CollectionID}')/AdminService.AddMembershipRule`, { collectionRule: rule });
    await first.admin.request('POST', `/wmi/SMS_Collection('${created.CollectionID}')/AdminService.RequestRefresh`, {});
    await first.lab.idle();
    const password = first.lab.accounts[0].password;
    const thumbprint = first.lab.certificateThumbprint;
    await first.close();
    assert.equal(existsSync(first.lab.labInfoPath), false, 'lab.json is removed on stop');
    assert.equal(await readRunningLab(dataDir), null);

    const second = await startFixture({ dataDir });
    try {
      assert.equal(second.lab.accounts[0].password, password);
      assert.equal(second.lab.certificateThumbprint, thumbprint);
      const [collection] = await second.values(`/wmi/SMS_Collection('${created.CollectionID}')`);
      assert.deepEqual(collection.CollectionRules, [rule]);
      assert.equal(collection.MemberCount, 1);
      assert.equal((await second.values(`/wmi/SMS_R_System(${imported.ResourceID})`))[0].Name, 'PERSIST-0001');
      const members = await second.values(`/wmi/SMS_FullCollectionMembership${odataQuery({ $filter: `CollectionID eq '${created.CollectionID}'` })}`);
      assert.deepEqual(members.map((m) => m.ResourceID), [imported.ResourceID]);
      assert.match(readFileSync(`${dataDir}/accounts.json`, 'utf8'), /Read-only Analyst/);
    } finally {
      await second.close();
    }
  });

  it('throws the state away on reseed', async () => {
    const lab = await startFixture({ dataDir, reseed: true });
    try {
      const found = await lab.values(`/wmi/SMS_Collection${odataQuery({ $filter: "Name eq 'Persisted collection'" })}`);
      assert.deepEqual(found, []);
    } finally {
      await lab.close();
    }
  });
});
