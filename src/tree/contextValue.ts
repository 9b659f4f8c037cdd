import type { Collection, CollectionMember } from '../core/site/model';

/**
 * contextValue as a token set (azext `createContextValue`): unique, sorted, `;`-joined, so
 * package.json menus match single tokens with `viewItem =~ /\btoken\b/` whatever else is set.
 */
export function createContextValue(tokens: ReadonlyArray<string | false | undefined>): string {
  const set = new Set<string>();
  for (const t of tokens) {
    if (!t) continue;
    if (/[;\s]/.test(t)) throw new Error(`contextValue token "${t}" may not hold ";" or spaces`);
    set.add(t);
  }
  return [...set].sort().join(';');
}

/** Tokens the menus (this task's and later tasks') key on. */
export const ContextTokens = {
  site: 'sccmSite',
  folder: 'sccmFolder',
  collection: 'sccmCollection',
  device: 'sccmDevice',
  loadMore: 'sccmLoadMore',
  message: 'sccmMessage',
} as const;

export function hasContextToken(contextValue: string | undefined, token: string): boolean {
  return (contextValue ?? '').split(';').includes(token);
}

/** Collection tokens: device collections take client actions, built-ins take no rule changes. */
export function collectionContextValue(c: Pick<Collection, 'type' | 'isBuiltIn' | 'memberCount' | 'currentStatus'>): string {
  return createContextValue([
    ContextTokens.collection,
    c.type,
    c.isBuiltIn ? 'builtIn' : 'custom',
    c.memberCount > 0 ? 'hasMembers' : 'empty',
    (c.currentStatus === 2 || c.currentStatus === 5) && 'refreshing',
  ]);
}

/** Device tokens: client actions need `client`, push install `noClient`, rule removal `direct`. */
export function deviceContextValue(m: Pick<CollectionMember, 'isClient' | 'isActive' | 'isDirect' | 'isObsolete'>): string {
  return createContextValue([
    ContextTokens.device,
    m.isClient ? 'client' : 'noClient',
    m.isClient && m.isActive ? 'active' : 'inactive',
    m.isDirect ? 'direct' : 'indirect',
    m.isObsolete && 'obsolete',
  ]);
}

/** Site tokens: the backend (`adminService`, `powershell`, `lab`) and the connection state. */
export function siteContextValue(backend: string, state: 'connected' | 'failed' | 'disconnected'): string {
  return createContextValue([ContextTokens.site, backend, state]);
}
