import type { Collection, CollectionDetail, CollectionMember, CollectionRule, Device } from '../core/site/model';
import { cell, describeRefreshType, escapeMarkdown, formatOnly, formatUtc, table, type Translate } from './text';

/** What a device row says about its client, in the description and the tooltip. */
export function describeClientState(member: Pick<CollectionMember, 'isClient' | 'isActive'>, t: Translate = formatOnly): string {
  if (!member.isClient) return t('No client');
  return member.isActive ? t('Client active') : t('Client inactive');
}

/** Collection row description: member count and collection id. */
export function collectionDescription(collection: Pick<Collection, 'id' | 'memberCount'>, t: Translate = formatOnly): string {
  const members = collection.memberCount === 1 ? t('1 member') : t('{0} members', collection.memberCount.toLocaleString('en-US'));
  return `${members} · ${collection.id}`;
}

/** "2 direct, 1 query" for a collection's membership rules (in the console's order). */
export function describeRules(rules: readonly CollectionRule[], t: Translate = formatOnly): string {
  const count = (kind: CollectionRule['kind']): string | undefined => {
    const n = rules.filter((r) => r.kind === kind).length;
    return n > 0 ? n.toLocaleString('en-US') : undefined;
  };
  const direct = count('direct');
  const query = count('query');
  const include = count('include');
  const exclude = count('exclude');
  const parts = [direct && t('{0} direct', direct), query && t('{0} query', query), include && t('{0} include', include), exclude && t('{0} exclude', exclude)];
  const named = parts.filter((p): p is string => Boolean(p));
  return named.length ? named.join(', ') : t('None');
}

/**
 * Markdown for a collection's hover. A listed collection lacks the lazy properties (refresh
 * type, rules): those rows show once the hover has read the collection by its id (`detail`).
 */
export function collectionTooltip(c: Collection | CollectionDetail, t: Translate = formatOnly, note?: string): string {
  const limiting = c.limitingCollectionId
    ? c.limitingCollectionName
      ? `${escapeMarkdown(c.limitingCollectionName)} (${escapeMarkdown(c.limitingCollectionId)})`
      : escapeMarkdown(c.limitingCollectionId)
    : '—';
  const rows: Array<[string, string]> = [
    [t('Collection ID'), cell(c.id)],
    [t('Members'), cell(c.memberCount.toLocaleString('en-US'))],
    [t('Limiting collection'), limiting],
    [t('Last refresh'), cell(formatUtc(c.lastRefreshTime) ?? t('Never'))],
    [t('Last member change'), cell(formatUtc(c.lastMemberChangeTime) ?? t('Never'))],
    [t('Folder'), cell(c.folderPath)],
  ];
  // 0: not read yet (RefreshType is lazy, lists do not carry it).
  if (c.refreshType !== 0) rows.push([t('Refresh type'), cell(describeRefreshType(c.refreshType, t))]);
  if ('rules' in c) rows.push([t('Membership rules'), cell(describeRules(c.rules, t))]);
  if (c.isBuiltIn) rows.push([t('Built-in'), t('Yes')]);
  if (c.comment.trim()) rows.push([t('Comment'), cell(c.comment)]);
  return `**${escapeMarkdown(c.name)}**\n\n${table(rows)}${note ? `\n\n${escapeMarkdown(note)}` : ''}`;
}

/** Markdown for a device's hover before its full record is loaded (or when loading failed). */
export function memberTooltip(m: CollectionMember, t: Translate = formatOnly, note?: string): string {
  const rows: Array<[string, string]> = [
    [t('Resource ID'), cell(String(m.resourceId))],
    [t('Client'), cell(describeClientState(m, t))],
    [t('Client version'), cell(m.clientVersion)],
    [t('Domain'), cell(m.domain)],
    [t('Membership'), m.isDirect ? t('Direct rule') : t('Query or include rule')],
  ];
  return `**${escapeMarkdown(m.name)}**\n\n${table(rows)}${note ? `\n\n${escapeMarkdown(note)}` : ''}`;
}

/** Markdown for a device's hover with its SMS_R_System record. */
export function deviceTooltip(d: Device, member: Pick<CollectionMember, 'isDirect'> | undefined, t: Translate = formatOnly): string {
  const client = describeClientState({ isClient: d.clientInstalled, isActive: d.clientActive }, t);
  const user = d.lastLogonUser ? (d.lastLogonUserDomain ? `${d.lastLogonUserDomain}\\${d.lastLogonUser}` : d.lastLogonUser) : null;
  const rows: Array<[string, string]> = [
    [t('Resource ID'), cell(String(d.resourceId))],
    [t('Client'), cell(client)],
    [t('Client version'), cell(d.clientVersion)],
    [t('MAC addresses'), cell(d.macAddresses.join(', '))],
    [t('SMBIOS GUID'), cell(d.smbiosGuid)],
    [t('IP addresses'), cell(d.ipAddresses.join(', '))],
    [t('Operating system'), cell(d.operatingSystem)],
    [t('Last logon user'), cell(user)],
    [t('AD site'), cell(d.adSiteName)],
    [t('Domain'), cell(d.domain)],
  ];
  if (member) rows.push([t('Membership'), member.isDirect ? t('Direct rule') : t('Query or include rule')]);
  if (d.obsolete) rows.push([t('Obsolete'), t('Yes')]);
  return `**${escapeMarkdown(d.name)}**\n\n${table(rows)}`;
}
