import { z } from 'zod';
import type { Collection, CollectionDetail, CollectionFolder, CollectionRule, CollectionType } from '../model';
import { lowerCaseKeys, parseBag, wmiDate, wmiFlag, wmiInt, wmiIntOrZero, wmiText, wmiTextOrNull } from './propertyBag';

/** SMS_Collection properties a list shows; the lazy ones (rules) come only from a keyed read. */
export const COLLECTION_LIST_PROPERTIES = [
  'CollectionID',
  'Name',
  'Comment',
  'CollectionType',
  'MemberCount',
  'LimitToCollectionID',
  'LimitToCollectionName',
  'LastRefreshTime',
  'LastMemberChangeTime',
  'RefreshType',
  'CurrentStatus',
  'IsBuiltIn',
  'ObjectPath',
] as const;

const collectionSchema = z.object({
  collectionid: z.string().min(1),
  name: z.string(),
  comment: wmiText,
  collectiontype: wmiIntOrZero,
  membercount: wmiIntOrZero,
  limittocollectionid: wmiTextOrNull,
  limittocollectionname: wmiTextOrNull,
  lastrefreshtime: wmiDate,
  lastmemberchangetime: wmiDate,
  // RefreshType is lazy on some builds: 0 means "not sent in this list".
  refreshtype: wmiIntOrZero,
  currentstatus: wmiIntOrZero,
  isbuiltin: wmiFlag,
  objectpath: wmiTextOrNull,
  collectionrules: z.array(z.unknown()).nullish(),
});

function collectionType(code: number): CollectionType {
  if (code === 2) return 'device';
  if (code === 1) return 'user';
  return 'other';
}

export function mapCollection(raw: unknown): Collection {
  const c = parseBag(collectionSchema, raw, 'a collection');
  return {
    id: c.collectionid,
    name: c.name,
    comment: c.comment,
    type: collectionType(c.collectiontype),
    memberCount: c.membercount,
    limitingCollectionId: c.limittocollectionid,
    limitingCollectionName: c.limittocollectionname,
    lastRefreshTime: c.lastrefreshtime,
    lastMemberChangeTime: c.lastmemberchangetime,
    refreshType: c.refreshtype,
    currentStatus: c.currentstatus,
    isBuiltIn: c.isbuiltin,
    folderPath: c.objectpath ?? '/',
  };
}

export function mapCollectionDetail(raw: unknown): CollectionDetail {
  const collection = mapCollection(raw);
  const rules = (lowerCaseKeys(raw).collectionrules ?? []) as unknown;
  return { ...collection, rules: Array.isArray(rules) ? rules.flatMap(mapCollectionRule) : [] };
}

const ruleSchema = z.object({
  rulename: wmiText,
  resourceid: wmiIntOrZero,
  resourceclassname: wmiText,
  queryid: wmiIntOrZero,
  queryexpression: wmiText,
  includecollectionid: wmiText,
  excludecollectionid: wmiText,
});

/**
 * A rule's class: REST sends `@odata.type` (`#AdminService.SMS_CollectionRuleDirect`); our
 * PowerShell conversion sends `__CLASS`. Unknown rule classes are left out, not guessed.
 */
export function mapCollectionRule(raw: unknown): CollectionRule[] {
  const bag = lowerCaseKeys(raw);
  const typeName = String(bag['@odata.type'] ?? bag.__class ?? '').replace(/^#?AdminService\./i, '').toLowerCase();
  const r = parseBag(ruleSchema, raw, 'a membership rule');
  switch (typeName) {
    case 'sms_collectionruledirect':
      return [{ kind: 'direct', ruleName: r.rulename, resourceId: r.resourceid, resourceClassName: r.resourceclassname }];
    case 'sms_collectionrulequery':
      return [{ kind: 'query', ruleName: r.rulename, queryId: r.queryid, queryExpression: r.queryexpression }];
    case 'sms_collectionruleincludecollection':
      return [{ kind: 'include', ruleName: r.rulename, collectionId: r.includecollectionid }];
    case 'sms_collectionruleexcludecollection':
      return [{ kind: 'exclude', ruleName: r.rulename, collectionId: r.excludecollectionid }];
    default:
      return [];
  }
}

const folderSchema = z.object({
  containernodeid: wmiInt,
  name: z.string(),
  parentcontainernodeid: wmiIntOrZero,
  objecttype: wmiIntOrZero,
  searchfolder: wmiFlag,
});

/**
 * Device-collection folders with their console paths. The path is built from the parent chain,
 * names joined by `/` as SMS_Collection.ObjectPath writes them. Search folders and rows of other
 * object types are left out; a folder whose parent is missing hangs off the root.
 */
export function mapCollectionFolders(rows: readonly unknown[]): CollectionFolder[] {
  const parsed = rows
    .map((row) => parseBag(folderSchema, row, 'a console folder'))
    .filter((f) => f.objecttype === 5000 && !f.searchfolder);
  const byId = new Map(parsed.map((f) => [f.containernodeid, f]));
  const paths = new Map<number, string>();
  const pathOf = (id: number, seen: Set<number>): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const folder = byId.get(id);
    if (!folder) return '';
    // A cycle would be corrupt site data; cut it at the root rather than loop.
    const parentPath = seen.has(folder.parentcontainernodeid) ? '' : (seen.add(id), pathOf(folder.parentcontainernodeid, seen));
    const path = `${parentPath}/${folder.name}`;
    paths.set(id, path);
    return path;
  };
  return parsed
    .map((f) => ({
      id: f.containernodeid,
      name: f.name,
      parentId: byId.has(f.parentcontainernodeid) ? f.parentcontainernodeid : 0,
      path: pathOf(f.containernodeid, new Set()),
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { sensitivity: 'base' }) || a.id - b.id);
}
