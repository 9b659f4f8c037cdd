import { UNSET_DATE, wmiDate, wmiDateOrUnset } from '../format';
import type { CollectionRecord, ScheduleToken } from '../state/model';
import { cloneCollection, type LabContext } from './context';
import { ruleToJson } from './collectionRules';
import { collectionMethods } from './collectionMethods';
import { col, findParam, intParam, providerError, stringParam, withEdm } from './helpers';
import { LabHttpError, type CallContext, type Column, type LabClass } from './types';

/** The 1980 values the provider reports for a collection never evaluated (reference §1.7 sample). */
const NEVER_MEMBER_CHANGE = '1980-01-01T06:00:00Z';
const NEVER_REFRESHED = '1980-01-01T12:00:00Z';

export function collectionClass(ctx: LabContext): LabClass<CollectionRecord> {
  const { store } = ctx;
  const limitName = (c: CollectionRecord): string | null => (c.limitToCollectionId ? (store.collections.get(c.limitToCollectionId)?.name ?? null) : null);
  const columns: Column<CollectionRecord>[] = [
    col('CloudSyncCount', 'int', () => 0),
    col('CollectionID', 'string', (c) => c.collectionId),
    withEdm(col('CollectionRules', 'object[]', (c) => c.rules.map(ruleToJson), true), 'Collection(AdminService.SMS_CollectionRule)'),
    col('CollectionType', 'int', (c) => c.collectionType),
    withEdm(col('CollectionVariablesCount', 'int', () => 0), 'Edm.Int32'),
    col('Comment', 'string', (c) => c.comment),
    col('CurrentStatus', 'int', (c) => c.currentStatus),
    col('FullEvaluationLastRefreshTime', 'datetime', (c) => wmiDateOrUnset(c.lastRefreshTime)),
    col('FullEvaluationMemberChanges', 'int', (c) => c.fullEvaluationMemberChanges),
    col('FullEvaluationMemberChangeTime', 'datetime', (c) => wmiDateOrUnset(c.lastMemberChangeTime)),
    col('FullEvaluationNextRefreshTime', 'datetime', (c) => (c.refreshType & 2 && c.lastRefreshTime !== null ? wmiDate(c.lastRefreshTime + 86_400_000) : UNSET_DATE)),
    col('FullEvaluationRunTime', 'int', (c) => c.fullEvaluationRunTime),
    col('HasProvisionedMember', 'bool', (c) => store.memberCount(c.collectionId) > 0),
    withEdm(col('IncludeExcludeCollectionsCount', 'int', (c) => c.rules.filter((r) => r.kind === 'include' || r.kind === 'exclude').length), 'Edm.Int32'),
    col('IncrementalEvaluationLastRefreshTime', 'datetime', (c) => (c.refreshType & 4 ? wmiDateOrUnset(c.lastRefreshTime) : UNSET_DATE)),
    col('IncrementalEvaluationMemberChanges', 'int', () => 0),
    col('IncrementalEvaluationMemberChangeTime', 'datetime', () => UNSET_DATE),
    col('IncrementalEvaluationRunTime', 'int', () => 0),
    col('IsBuiltIn', 'bool', (c) => c.isBuiltIn),
    col('IsReferenceCollection', 'bool', (c) => c.limitToCollectionId === null),
    withEdm(col('ISVData', 'string', () => null, true), 'Edm.Binary'),
    col('ISVDataSize', 'int', () => 0, true),
    col('ISVString', 'string', () => null),
    col('LastChangeTime', 'datetime', (c) => wmiDate(c.lastChangeTime)),
    col('LastMemberChangeTime', 'datetime', (c) => (c.lastMemberChangeTime === null ? NEVER_MEMBER_CHANGE : wmiDate(c.lastMemberChangeTime))),
    col('LastRefreshTime', 'datetime', (c) => (c.lastRefreshTime === null ? NEVER_REFRESHED : wmiDate(c.lastRefreshTime))),
    col('LimitToCollectionID', 'string', (c) => c.limitToCollectionId ?? ''),
    col('LimitToCollectionName', 'string', (c) => limitName(c) ?? ''),
    withEdm(col('LocalMemberCount', 'int', (c) => store.memberCount(c.collectionId)), 'Edm.Int32'),
    col('MemberClassName', 'string', (c) => `SMS_CM_RES_COLL_${c.collectionId}`),
    withEdm(col('MemberCount', 'int', (c) => store.memberCount(c.collectionId)), 'Edm.Int32'),
    col('MonitoringFlags', 'int', () => 0),
    col('Name', 'string', (c) => c.name),
    col('ObjectPath', 'string', (c) => store.folderPath(c.folderId)),
    col('OwnedByThisSite', 'bool', () => true),
    withEdm(col('PowerConfigsCount', 'int', () => 0), 'Edm.Int32'),
    withEdm(col('RefreshSchedule', 'object[]', (c) => c.refreshSchedule, true), 'Collection(AdminService.SMS_ScheduleToken)'),
    // [lazy] in the SMS_Collection docs: null in lists, like CollectionRules and RefreshSchedule.
    col('RefreshType', 'int', (c) => c.refreshType, true),
    col('ReplicateToSubSites', 'bool', () => true),
    col('ServicePartners', 'int', () => 0),
    withEdm(col('ServiceWindowsCount', 'int', (c) => (c.name.startsWith('MW - ') ? 1 : 0)), 'Edm.Int32'),
    col('UseCluster', 'bool', () => false),
  ];
  const methods = collectionMethods(ctx);
  return {
    name: 'SMS_Collection',
    keys: ['CollectionID'],
    columns,
    securityVerbs: -1,
    rows: () => store.collections.values(),
    findByKey: (key) => (typeof key.CollectionID === 'string' ? store.collections.get(key.CollectionID.toUpperCase()) : undefined),
    lookup: (property, value) => {
      if (typeof value !== 'string') return null;
      if (property === 'ObjectPath') return { rows: store.collectionsAtPath(value), orderedBy: 'Name' };
      if (property === 'CollectionID') {
        const c = store.collections.get(value.toUpperCase());
        return { rows: c ? [c] : [] };
      }
      return null;
    },
    instanceMethods: methods,
    create: (call) => createCollection(ctx, call),
    update: (row, call) => updateCollection(ctx, row, call),
    remove: (row) => deleteCollection(ctx, row),
  };
}

function createCollection(ctx: LabContext, call: CallContext): CollectionRecord {
  const { store } = ctx;
  const name = stringParam(call.body, 'Name', true)!.trim();
  const type = intParam(call.body, 'CollectionType', true)!;
  const limitTo = stringParam(call.body, 'LimitToCollectionID', true)!.toUpperCase();
  const comment = stringParam(call.body, 'Comment', false) ?? '';
  const refreshType = intParam(call.body, 'RefreshType', false) ?? 1;
  if (!name) throw new LabHttpError(400, "The property 'Name' is required.");
  if (type !== 1 && type !== 2) throw providerError(`Collection creation failed: CollectionType ${type} is not valid (1 user, 2 device).`);
  if (![1, 2, 4, 6].includes(refreshType)) throw providerError(`Collection creation failed: RefreshType ${refreshType} is not valid.`);
  const limit = store.collections.get(limitTo);
  if (!limit) throw providerError(`Collection creation failed: the limiting collection ${limitTo} does not exist.`);
  if (limit.collectionType !== type) throw providerError('Collection creation failed: the limiting collection is of another type.');
  for (const c of store.collections.values()) {
    if (c.name.toUpperCase() === name.toUpperCase()) throw providerError(`Collection creation failed: a collection named '${name}' already exists. (0x80041009)`);
  }
  const now = ctx.now();
  const record: CollectionRecord = {
    collectionId: store.nextCollectionId(),
    name,
    comment,
    collectionType: type,
    limitToCollectionId: limitTo,
    rules: [],
    refreshType,
    refreshSchedule: readSchedule(call.body) ?? [],
    isBuiltIn: false,
    folderId: 0,
    createdTime: now,
    lastChangeTime: now,
    lastRefreshTime: null,
    lastMemberChangeTime: null,
    currentStatus: 5,
    fullEvaluationRunTime: 0,
    fullEvaluationMemberChanges: 0,
  };
  store.apply({ t: 'collection.put', collection: cloneCollection(record) });
  ctx.evaluator.collectionCreated(record.collectionId);
  return store.collections.get(record.collectionId)!;
}

function updateCollection(ctx: LabContext, row: CollectionRecord, call: CallContext): CollectionRecord {
  if (row.isBuiltIn) throw providerError(`Update failed: ${row.collectionId} is a built-in collection.`);
  const next = cloneCollection(row);
  const name = stringParam(call.body, 'Name', false);
  const comment = stringParam(call.body, 'Comment', false);
  const refreshType = intParam(call.body, 'RefreshType', false);
  if (name !== undefined) next.name = name;
  if (comment !== undefined) next.comment = comment;
  if (refreshType !== undefined) {
    if (![1, 2, 4, 6].includes(refreshType)) throw providerError(`Update failed: RefreshType ${refreshType} is not valid.`);
    next.refreshType = refreshType;
  }
  const schedule = readSchedule(call.body);
  if (schedule) next.refreshSchedule = schedule;
  next.lastChangeTime = ctx.now();
  ctx.store.apply({ t: 'collection.put', collection: next });
  return ctx.store.collections.get(row.collectionId)!;
}

function deleteCollection(ctx: LabContext, row: CollectionRecord): void {
  const { store } = ctx;
  if (row.isBuiltIn) throw providerError(`Delete failed: ${row.collectionId} is a built-in collection.`);
  const dependents = store.dependentsOf(row.collectionId);
  if (dependents.length) throw providerError(`Delete failed: ${row.collectionId} is referenced by ${dependents.slice(0, 5).join(', ')} (limiting, include or exclude).`);
  const deployed = [...store.assignments.values()].some((a) => a.collectionId === row.collectionId) || [...store.advertisements.values()].some((a) => a.collectionId === row.collectionId);
  if (deployed) throw providerError(`Delete failed: ${row.collectionId} has deployments; delete them first.`);
  store.apply({ t: 'collection.delete', collectionId: row.collectionId });
}

function readSchedule(body: Record<string, unknown>): ScheduleToken[] | undefined {
  const value = findParam(body, 'RefreshSchedule');
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => !v || typeof v !== 'object' || typeof (v as Record<string, unknown>)['@odata.type'] !== 'string')) {
    throw new LabHttpError(400, "RefreshSchedule must be an array of schedule tokens with '@odata.type' (e.g. #AdminService.SMS_ST_RecurInterval).");
  }
  return value.map((v) => ({ ...(v as ScheduleToken) }));
}

