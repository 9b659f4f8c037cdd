/**
 * Value order shared by $filter and $orderby: strings case-insensitively (as the provider's
 * SQL collation does), then ordinally; numbers numerically; false < true; null first.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  const sa = String(a);
  const sb = String(b);
  const ua = sa.toUpperCase();
  const ub = sb.toUpperCase();
  if (ua < ub) return -1;
  if (ua > ub) return 1;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
