/**
 * OData query building for the AdminService wmi route. Every value that reaches `$filter` goes
 * through `odataString`/`odataNumber`; the query string is percent-encoded here, so callers never
 * concatenate user text into a URL.
 */

/** A single-quoted OData string literal: single quotes doubled (OData has no other escape). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function odataNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

export function odataBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/**
 * Backslashes in filter literals: a real wmi route answered 404 to `LogonName eq 'DOM\user'`
 * (reference §1.5). We never send one: text with a backslash is searched on the server by its
 * longest backslash-free piece and refined here (see `splitForServerSearch`).
 */
export function hasBackslash(value: string): boolean {
  return value.includes('\\');
}

/** The longest run of `value` without a backslash ('' when there is none). */
export function longestBackslashFreePart(value: string): string {
  return value.split('\\').reduce((best, part) => (part.length > best.length ? part : best), '');
}

export function containsFilter(property: string, text: string): string {
  return `contains(${property},${odataString(text)})`;
}

export function andFilters(...parts: (string | undefined | false)[]): string | undefined {
  const used = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (used.length === 0) return undefined;
  return used.length === 1 ? used[0] : used.map((p) => `(${p})`).join(' and ');
}

export interface ODataQuery {
  filter?: string;
  select?: readonly string[];
  orderby?: readonly string[];
  top?: number;
  skip?: number;
}

/**
 * Percent-encodes a query value. encodeURIComponent leaves `'()*!` alone; quotes are encoded too
 * (`%27`, as the reference's examples do) so no proxy or log rewrites them. `+` becomes `%2B`
 * and a space `%20`, never `+`.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `?$filter=...&$select=...` (empty string when there are no options). Option names stay literal. */
export function buildQueryString(query: ODataQuery): string {
  const parts: string[] = [];
  if (query.filter) parts.push(`$filter=${encodeQueryValue(query.filter)}`);
  if (query.select && query.select.length > 0) parts.push(`$select=${encodeQueryValue(query.select.join(','))}`);
  if (query.orderby && query.orderby.length > 0) parts.push(`$orderby=${encodeQueryValue(query.orderby.join(','))}`);
  if (query.top !== undefined) parts.push(`$top=${odataNumber(query.top)}`);
  if (query.skip !== undefined && query.skip > 0) parts.push(`$skip=${odataNumber(query.skip)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * `SMS_Collection('PS100012')` / `SMS_R_System(16777220)`, written exactly as the reference shows
 * (quotes literal in the path). Keys are validated ids, so nothing here needs encoding; anything
 * else is refused rather than encoded into a path segment.
 */
export function entityPath(className: string, key: string | number): string {
  if (typeof key === 'number') return `${className}(${odataNumber(key)})`;
  if (!/^[A-Za-z0-9]+$/.test(key)) throw new Error(`entity key must be validated before use: ${key}`);
  return `${className}('${key}')`;
}
