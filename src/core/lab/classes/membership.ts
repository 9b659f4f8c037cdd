import type { CollectionRecord, DeviceRecord } from '../state/model';
import type { LabStore } from '../state/store';
import type { LabContext } from './context';
import { col } from './helpers';
import type { Column, IndexedRows, LabClass } from './types';

/** One membership row: a device in a collection. */
export interface MemberRow {
  collection: CollectionRecord;
  device: DeviceRecord;
}

const directSets = new WeakMap<CollectionRecord['rules'], Set<number>>();
function isDirect(row: MemberRow): boolean {
  let set = directSets.get(row.collection.rules);
  if (!set) {
    set = new Set(row.collection.rules.flatMap((r) => (r.kind === 'direct' ? [r.resourceId] : [])));
    directSets.set(row.collection.rules, set);
  }
  return set.has(row.device.resourceId);
}

function memberColumns(store: LabStore, withCollectionId: boolean): Column<MemberRow>[] {
  const columns: Column<MemberRow>[] = [
    col('ClientType', 'int', (r) => r.device.clientType),
    col('ClientVersion', 'string', (r) => r.device.clientVersion),
    col('CollectionID', 'string', (r) => r.collection.collectionId),
    col('DeviceOwner', 'int', (r) => (r.device.client ? 1 : null)),
    col('Domain', 'string', (r) => r.device.domain || null),
    col('IsActive', 'bool', (r) => r.device.active === 1),
    col('IsAlwaysInternet', 'bool', () => false),
    col('IsApproved', 'int', (r) => (r.device.client ? 1 : 2)),
    col('IsAssigned', 'bool', (r) => r.device.client === 1),
    col('IsBlocked', 'bool', () => false),
    col('IsClient', 'bool', (r) => r.device.client === 1),
    col('IsDecommissioned', 'bool', (r) => r.device.decommissioned === 1),
    col('IsDirect', 'bool', isDirect),
    col('IsInternetEnabled', 'bool', () => false),
    col('IsObsolete', 'bool', (r) => r.device.obsolete === 1),
    col('IsVirtualMachine', 'bool', (r) => r.device.isVirtual),
    col('Name', 'string', (r) => r.device.name),
    col('ResourceID', 'int', (r) => r.device.resourceId),
    col('ResourceType', 'int', () => 5),
    col('SiteCode', 'string', (r) => (r.device.client ? store.site.siteCode : null)),
    col('SMSID', 'string', (r) => r.device.smsUid),
  ];
  return withCollectionId ? columns : columns.filter((c) => c.name !== 'CollectionID');
}

function membersOf(store: LabStore, collection: CollectionRecord): MemberRow[] {
  const rows = store.members.get(collection.collectionId) ?? new Int32Array(0);
  const out = new Array<MemberRow>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = { collection, device: store.devices.rows[rows[i]] };
  return out;
}

/** SMS_FullCollectionMembership: keys CollectionID + ResourceID; indexed by both. */
export function fullMembershipClass(ctx: LabContext): LabClass<MemberRow> {
  const { store } = ctx;
  const byResource = (resourceId: number): MemberRow[] => {
    const row = store.devices.indexOf(resourceId);
    if (row === undefined) return [];
    const out: MemberRow[] = [];
    for (const [id, members] of store.members) {
      if (members.indexOf(row) >= 0) out.push({ collection: store.collections.get(id)!, device: store.devices.rows[row] });
    }
    return out;
  };
  return {
    name: 'SMS_FullCollectionMembership',
    keys: ['CollectionID', 'ResourceID'],
    columns: memberColumns(store, true),
    *rows() {
      for (const collection of store.collections.values()) yield* membersOf(store, collection);
    },
    findByKey: (key) => {
      const collection = typeof key.CollectionID === 'string' ? store.collections.get(key.CollectionID.toUpperCase()) : undefined;
      if (!collection || typeof key.ResourceID !== 'number') return undefined;
      return byResource(key.ResourceID).find((r) => r.collection === collection);
    },
    lookup: (property, value): IndexedRows<MemberRow> | null => {
      if (property === 'CollectionID' && typeof value === 'string') {
        const collection = store.collections.get(value.toUpperCase());
        return { rows: collection ? membersOf(store, collection) : [], orderedBy: 'Name' };
      }
      if (property === 'ResourceID' && typeof value === 'number') return { rows: byResource(value) };
      return null;
    },
  };
}

/** SMS_CM_RES_COLL_<CollectionID>: one collection's members, same properties minus CollectionID. */
export function perCollectionMembershipClass(ctx: LabContext, collection: CollectionRecord): LabClass<MemberRow> {
  const { store } = ctx;
  return {
    name: `SMS_CM_RES_COLL_${collection.collectionId}`,
    keys: ['ResourceID'],
    columns: memberColumns(store, false),
    rows: () => membersOf(store, collection),
    findByKey: (key) => membersOf(store, collection).find((r) => r.device.resourceId === key.ResourceID),
    lookup: (property, value) => {
      if (property !== 'ResourceID' || typeof value !== 'number') return null;
      return { rows: membersOf(store, collection).filter((r) => r.device.resourceId === value) };
    },
  };
}
