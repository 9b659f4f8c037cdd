import * as assert from 'node:assert/strict';
import { SiteError } from '../../../src/core/site/errors';
import {
  checkReturnValue,
  mapClientOperationId,
  mapCollection,
  mapCollectionDetail,
  mapCollectionFolders,
  mapCollectionMember,
  mapDeployment,
  mapDevice,
  mapImportMachineResult,
  normalizeDate,
} from '../../../src/core/site/mapping';

/** The SMS_Collection entity of reference §1.7 (a real create response), trimmed of system properties. */
const REFERENCE_COLLECTION = {
  '@odata.etag': 'ABC00200',
  __LAZYPROPERTIES: ['__QUALIFIER_SECURITYVERBS', 'CollectionRules', 'ISVData'],
  CollectionID: 'ABC00200',
  CollectionType: 1,
  Comment: 'Collection created using the REST API.',
  CurrentStatus: 5,
  IsBuiltIn: false,
  LastChangeTime: '2025-02-15T23:13:23Z',
  LastMemberChangeTime: '1980-01-01T06:00:00Z',
  LastRefreshTime: '1980-01-01T12:00:00Z',
  LimitToCollectionID: 'SMS00004',
  LimitToCollectionName: 'All Users and User Groups',
  MemberCount: 0,
  Name: 'AM - Users - ...',
  ObjectPath: null,
  RefreshType: 1,
  __CLASS: 'SMS_Collection',
  CollectionRules: [],
};

describe('mapping WMI property bags to model types', () => {
  it('maps the reference SMS_Collection entity', () => {
    assert.deepEqual(mapCollection(REFERENCE_COLLECTION), {
      id: 'ABC00200',
      name: 'AM - Users - ...',
      comment: 'Collection created using the REST API.',
      type: 'user',
      memberCount: 0,
      limitingCollectionId: 'SMS00004',
      limitingCollectionName: 'All Users and User Groups',
      // 1980 dates are the provider's "never" (reference §1.7).
      lastRefreshTime: null,
      lastMemberChangeTime: null,
      refreshType: 1,
      currentStatus: 5,
      isBuiltIn: false,
      folderPath: '/',
    });
  });

  it('reads keys whatever their casing', () => {
    const lower = Object.fromEntries(Object.entries(REFERENCE_COLLECTION).map(([k, v]) => [k.toLowerCase(), v]));
    assert.deepEqual(mapCollection(lower), mapCollection(REFERENCE_COLLECTION));
    // SMS_R_System writes ResourceId, other classes ResourceID (reference §2.2).
    assert.equal(mapDevice({ ResourceId: 16777220, Name: 'PC123' }).resourceId, 16777220);
    assert.equal(mapCollectionMember({ ResourceID: 16777220, Name: 'PC123' }).resourceId, 16777220);
  });

  it('maps the rules of a keyed read by @odata.type (REST) and __CLASS (PowerShell)', () => {
    const rest = mapCollectionDetail({
      ...REFERENCE_COLLECTION,
      CollectionType: 2,
      CollectionRules: [
        { '@odata.type': '#AdminService.SMS_CollectionRuleDirect', RuleName: 'PC123', ResourceClassName: 'SMS_R_System', ResourceID: 16777220 },
        { '@odata.type': '#AdminService.SMS_CollectionRuleQuery', RuleName: 'Servers', QueryExpression: 'select * from SMS_R_System', QueryID: 1 },
        { '@odata.type': '#AdminService.SMS_CollectionRuleIncludeCollection', RuleName: 'All Servers', IncludeCollectionID: 'XYZ00010' },
        { '@odata.type': '#AdminService.SMS_CollectionRuleExcludeCollection', RuleName: 'Test', ExcludeCollectionID: 'XYZ00011' },
        { '@odata.type': '#AdminService.SMS_CollectionRuleSomethingNew', RuleName: 'future' },
      ],
    });
    assert.deepEqual(rest.rules, [
      { kind: 'direct', ruleName: 'PC123', resourceId: 16777220, resourceClassName: 'SMS_R_System' },
      { kind: 'query', ruleName: 'Servers', queryId: 1, queryExpression: 'select * from SMS_R_System' },
      { kind: 'include', ruleName: 'All Servers', collectionId: 'XYZ00010' },
      { kind: 'exclude', ruleName: 'Test', collectionId: 'XYZ00011' },
    ]);
    const cim = mapCollectionDetail({ ...REFERENCE_COLLECTION, CollectionRules: [{ __CLASS: 'SMS_CollectionRuleDirect', RuleName: 'PC9', ResourceClassName: 'SMS_R_System', ResourceID: '9' }] });
    assert.deepEqual(cim.rules, [{ kind: 'direct', ruleName: 'PC9', resourceId: 9, resourceClassName: 'SMS_R_System' }]);
  });

  it('maps the reference SMS_R_System row: colon MACs upper case, GUID upper case', () => {
    const device = mapDevice({
      ResourceId: 16777220,
      Name: 'PC123',
      MACAddresses: ['00-15-5d-01-02-03', '00:15:5D:01:02:03', 'garbage'],
      SMBIOSGUID: '{e8a3efac-201f-4e69-953e-b2daa1e8b1b6}',
      Client: 1,
      Active: 1,
      IPAddresses: ['10.0.0.5', 'fe80::1', ''],
      Obsolete: null,
    });
    assert.deepEqual(device.macAddresses, ['00:15:5D:01:02:03']);
    assert.equal(device.smbiosGuid, 'E8A3EFAC-201F-4E69-953E-B2DAA1E8B1B6');
    assert.deepEqual(device.ipAddresses, ['10.0.0.5', 'fe80::1']);
    assert.equal(device.clientInstalled, true);
    assert.equal(device.obsolete, false);
    assert.equal(device.netbiosName, 'PC123');
  });

  it('turns a row it cannot read into invalidResponse', () => {
    assert.throws(() => mapCollection({ Name: 'no id' }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidResponse' && /collectionid/.test(e.message));
    assert.throws(() => mapDevice({ ResourceId: 'abc' }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidResponse');
  });

  it('normalises dates: ISO Z without fraction; 1970/1980 and garbage are null; /Date(ms)/ is read', () => {
    assert.equal(normalizeDate('2024-08-30T20:55:06Z'), '2024-08-30T20:55:06Z');
    assert.equal(normalizeDate('2024-08-30T20:55:06.0000000+00:00'), '2024-08-30T20:55:06Z');
    assert.equal(normalizeDate('1970-01-01T00:00:00Z'), null);
    assert.equal(normalizeDate('1980-01-01T12:00:00Z'), null);
    assert.equal(normalizeDate('/Date(1725051306000)/'), '2024-08-30T20:55:06Z');
    assert.equal(normalizeDate('soon'), null);
  });

  it('builds folder paths from the parent chain, leaving out search folders and other types', () => {
    const folders = mapCollectionFolders([
      { ContainerNodeID: 2, Name: 'Patching', ParentContainerNodeID: 1, ObjectType: 5000, SearchFolder: false },
      { ContainerNodeID: 1, Name: 'Servers', ParentContainerNodeID: 0, ObjectType: 5000 },
      { ContainerNodeID: 3, Name: 'Saved search', ParentContainerNodeID: 0, ObjectType: 5000, SearchFolder: true },
      { ContainerNodeID: 4, Name: 'Apps', ParentContainerNodeID: 0, ObjectType: 6000 },
      { ContainerNodeID: 5, Name: 'Orphan', ParentContainerNodeID: 99, ObjectType: 5000 },
    ]);
    assert.deepEqual(folders, [
      { id: 5, name: 'Orphan', parentId: 0, path: '/Orphan' },
      { id: 1, name: 'Servers', parentId: 0, path: '/Servers' },
      { id: 2, name: 'Patching', parentId: 1, path: '/Servers/Patching' },
    ]);
  });

  it('maps deployment summaries by FeatureType and DeploymentIntent (reference §2.8)', () => {
    const app = mapDeployment({
      DeploymentID: '{A1}',
      SoftwareName: '7-Zip',
      CollectionID: 'PS100012',
      CollectionName: 'Pilot',
      FeatureType: 1,
      DeploymentIntent: 1,
      AssignmentID: 16777300,
      CI_ID: 16777500,
      PackageID: '',
      NumberTargeted: 10,
      NumberSuccess: 7,
      NumberErrors: 1,
      EnforcementDeadline: '2025-01-01T00:00:00Z',
    });
    assert.equal(app.feature, 'application');
    assert.equal(app.intent, 'required');
    assert.equal(app.assignmentId, 16777300);
    assert.equal(app.ciId, 16777500);
    assert.equal(app.packageId, null);
    assert.equal(app.enforcementDeadline, '2025-01-01T00:00:00Z');
    const ts = mapDeployment({ DeploymentID: 'PS120001', SoftwareName: 'Win11', FeatureType: 7, DeploymentIntent: 2, PackageID: 'PS100020', AssignmentID: 5 });
    assert.deepEqual([ts.feature, ts.intent, ts.packageId, ts.assignmentId, ts.programName], ['taskSequence', 'available', 'PS100020', null, null]);
  });

  it('reads method results: ReturnValue, ImportMachineEntry and InitiateClientOperation out-params', () => {
    assert.doesNotThrow(() => checkReturnValue({ ReturnValue: 0 }, 'x'));
    assert.doesNotThrow(() => checkReturnValue(undefined, 'x'));
    assert.throws(() => checkReturnValue({ ReturnValue: 2 }, 'add a rule'), (e: unknown) => e instanceof SiteError && e.kind === 'server' && /returned 2/.test(e.message));
    // The other body the reference allows for instance methods: the Edm.Int32 return as `value`.
    assert.doesNotThrow(() => checkReturnValue({ '@odata.context': 'x#Edm.Int32', value: 0 }, 'x'));
    assert.throws(() => checkReturnValue({ value: 5 }, 'add a rule'), (e: unknown) => e instanceof SiteError && e.kind === 'server' && /returned 5/.test(e.message));
    assert.deepEqual(mapImportMachineResult({ ResourceID: 16777300, MachineExists: false, ReturnValue: 0 }), { resourceId: 16777300, machineExists: false });
    assert.deepEqual(mapImportMachineResult({ MachineExists: true }), { resourceId: null, machineExists: true });
    assert.equal(mapClientOperationId({ '@odata.context': 'x#__PARAMETERS', OperationID: 16777301, ReturnValue: 0 }), 16777301);
    assert.throws(() => mapClientOperationId({ ReturnValue: 0 }), (e: unknown) => e instanceof SiteError && e.kind === 'invalidResponse');
  });
});
