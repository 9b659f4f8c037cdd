import * as assert from 'node:assert/strict';
import { evaluateWql, likeToRegExp, parseWql, WqlSyntaxError } from '../../../src/core/lab/evaluation/wql';
import { deviceProperty } from '../../../src/core/lab/state/deviceProperties';
import { DeviceTable } from '../../../src/core/lab/state/deviceTable';
import type { DeviceRecord, SiteRecord } from '../../../src/core/lab/state/model';

const site = { siteCode: 'PS1', domain: 'LAB', dnsDomain: 'lab.local' } as SiteRecord;
const device = (resourceId: number, name: string, extra: Partial<DeviceRecord> = {}): DeviceRecord => ({
  resourceId,
  name,
  domain: 'LAB',
  macs: [],
  smbiosGuid: null,
  ipAddresses: [],
  ipSubnets: [],
  os: 'Microsoft Windows NT Workstation 10.0',
  build: '10.0.22631',
  client: 1,
  active: 1,
  obsolete: 0,
  decommissioned: 0,
  clientVersion: '5.00.9135.1007',
  clientType: 1,
  lastLogonUser: null,
  lastLogonUserDomain: null,
  lastLogonTimestamp: null,
  adSite: 'LON-HQ',
  ous: [],
  distinguishedName: null,
  groups: [],
  isVirtual: false,
  smsUid: null,
  creationDate: 0,
  discovery: 'discovered',
  ...extra,
});

const table = new DeviceTable([
  device(1, 'WKS-LON-00010', { groups: ['LAB\\APP-7Zip-LON'], ous: ['LAB.LOCAL/LONDON', 'LAB.LOCAL/LONDON/WORKSTATIONS'] }),
  device(2, 'WKS-LON-00021', { groups: ['LAB\\APP-Chrome-LON'], active: 0 }),
  device(3, 'SRV-LON-SQL001', { os: 'Microsoft Windows NT Advanced Server 10.0', build: '10.0.20348', client: 0, clientVersion: null }),
  device(4, 'LAP-NYC-00033', { groups: ['LAB\\APP-7Zip-NYC', 'LAB\\APP-Chrome-NYC'], macs: ['00:15:5D:01:02:03'] }),
]);
const reader = (propUpper: string) => {
  const prop = deviceProperty(propUpper);
  return prop ? (row: number) => prop.get(table.rows[row], site) : undefined;
};
const ids = (query: string): number[] =>
  evaluateWql(parseWql(query), table, reader, null)
    .map((row) => table.rows[row].resourceId)
    .sort();

describe('lab WQL for collection query rules', () => {
  const cases: Array<[string, number[]]> = [
    ['select * from SMS_R_System', [1, 2, 3, 4]],
    ['select SMS_R_SYSTEM.ResourceID from SMS_R_System where SMS_R_System.Name like "WKS-LON-%"', [1, 2]],
    ["select * from SMS_R_System where Name like 'wks-lon-%0'", [1]],
    ['select * from SMS_R_System where Name like "%-[LN]__-%[13]"', [2, 3, 4]],
    ['select * from SMS_R_System where SMS_R_System.SystemGroupName = "LAB\\\\APP-7Zip-LON"', [1]],
    ['select * from SMS_R_System where SystemGroupName like "LAB\\\\APP-Chrome-%"', [2, 4]],
    ['select * from SMS_R_System where SMS_R_System.Client = 1 and SMS_R_System.Active = 0', [2]],
    ['select * from SMS_R_System where Client = 0 or ClientVersion is null', [3]],
    ['select * from SMS_R_System where ClientVersion is not null and not (Name like "LAP%")', [1, 2]],
    ['select * from SMS_R_System where Build in ("10.0.20348", "10.0.19045")', [3]],
    ['select * from SMS_R_System where Build not in ("10.0.20348")', [1, 2, 4]],
    ['select * from SMS_R_System where ResourceId >= 3', [3, 4]],
    ['select * from SMS_R_System where Name <> "WKS-LON-00010" and SystemOUName = "LAB.LOCAL/LONDON"', []],
    ['select * from SMS_R_System where SystemOUName = "lab.local/london"', [1]],
    ['select * from SMS_R_System where MACAddresses = "00:15:5d:01:02:03"', [4]],
    ['select * from SMS_R_System as s where s.Name = "SRV-LON-SQL001"', [3]],
    ['select * from SMS_R_System inner join SMS_G_System_OPERATING_SYSTEM on SMS_G_System_OPERATING_SYSTEM.ResourceID = SMS_R_System.ResourceId where SMS_G_System_OPERATING_SYSTEM.Caption like "%11%"', []],
    ['select * from SMS_R_User', []],
  ];
  for (const [query, expected] of cases) it(`${query} → ${JSON.stringify(expected)}`, () => assert.deepEqual(ids(query), expected));

  it('limits the result to the limiting collection', () => {
    const within = new Uint8Array(table.size);
    within[0] = 1;
    within[3] = 1;
    const rows = evaluateWql(parseWql('select * from SMS_R_System where Name like "%0%"'), table, reader, within);
    assert.deepEqual(rows.map((r) => table.rows[r].resourceId).sort(), [1, 4]);
  });

  it('translates like patterns without letting regex characters through', () => {
    assert.ok(likeToRegExp('a.b%').test('A.Bxyz'));
    assert.ok(!likeToRegExp('a.b%').test('aXb'));
    assert.ok(likeToRegExp('[^0-4]x').test('7X'));
  });

  it('rejects malformed queries', () => {
    for (const bad of ['from SMS_R_System', 'select * SMS_R_System', 'select * from SMS_R_System where Name = ', 'select * from SMS_R_System where (Name = "a"', "select * from SMS_R_System where Name = 'x"]) {
      assert.throws(() => parseWql(bad), WqlSyntaxError, bad);
    }
  });
});
