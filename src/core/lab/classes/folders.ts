import type { CollectionRecord, FolderRecord } from '../state/model';
import type { LabContext } from './context';
import { col, mapClass } from './helpers';
import type { LabClass } from './types';

/**
 * SMS_ObjectContainerNode (console folders, ObjectType 5000 = device collections).
 * `ObjectPath` carries the folder's own console path (`/Servers/Patch`), the same string
 * SMS_Collection.ObjectPath holds for the collections inside it (a lab choice, see README).
 */
export function containerNodeClass(ctx: LabContext): LabClass<FolderRecord> {
  const { store } = ctx;
  const hasChildren = (f: FolderRecord): boolean =>
    [...store.folders.values()].some((x) => x.parentContainerNodeId === f.containerNodeId) || [...store.collections.values()].some((c) => c.folderId === f.containerNodeId);
  return mapClass<FolderRecord>({
    name: 'SMS_ObjectContainerNode',
    key: 'ContainerNodeID',
    map: () => store.folders,
    columns: [
      col('ContainerNodeID', 'int', (f) => f.containerNodeId),
      col('FolderFlags', 'int', () => 0),
      col('FolderGuid', 'string', (f) => f.folderGuid),
      col('IsEmpty', 'bool', (f) => !hasChildren(f)),
      col('Name', 'string', (f) => f.name),
      col('ObjectPath', 'string', (f) => f.path),
      col('ObjectType', 'int', (f) => f.objectType),
      col('ObjectTypeName', 'string', () => 'SMS_Collection_Device'),
      col('ParentContainerNodeID', 'int', (f) => f.parentContainerNodeId),
      col('SearchFolder', 'bool', () => false),
      col('SearchString', 'string', () => null),
      col('SourceSite', 'string', () => store.site.siteCode),
    ],
  });
}

/** Stable MemberID for a collection's folder membership (derived from its CollectionID number). */
const memberId = (c: CollectionRecord): number => 16777216 + (parseInt(c.collectionId.slice(3), 16) || 0);

/** SMS_ObjectContainerItem: which folder a collection sits in (root collections have no row). */
export function containerItemClass(ctx: LabContext): LabClass<CollectionRecord> {
  const { store } = ctx;
  const inFolders = (): CollectionRecord[] => [...store.collections.values()].filter((c) => c.folderId !== 0);
  return {
    name: 'SMS_ObjectContainerItem',
    keys: ['MemberID'],
    columns: [
      col('ContainerNodeID', 'int', (c) => c.folderId),
      col('InstanceKey', 'string', (c) => c.collectionId),
      col('MemberGuid', 'string', (c) => `${c.collectionId}-${c.folderId}`),
      col('MemberID', 'int', memberId),
      col('ObjectType', 'int', () => 5000),
      col('ObjectTypeName', 'string', () => 'SMS_Collection_Device'),
      col('SourceSite', 'string', () => store.site.siteCode),
    ],
    rows: inFolders,
    findByKey: (key) => inFolders().find((c) => memberId(c) === key.MemberID),
    lookup: (property, value) => {
      if (property === 'InstanceKey' && typeof value === 'string') {
        const c = store.collections.get(value.toUpperCase());
        return { rows: c && c.folderId !== 0 ? [c] : [] };
      }
      return null;
    },
  };
}
