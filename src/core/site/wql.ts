/**
 * WQL for the PowerShell backend's `-Filter`. String literals escape backslash and single quote
 * with a backslash (WQL's escape character); LIKE patterns also bracket WQL's wildcards. The
 * finished filter still travels to PowerShell as a parameter, never inside the script text.
 */

export function wqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function wqlNumber(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
  return String(value);
}

/** Escapes `%`, `_` and `[` so they match themselves in a LIKE pattern. */
export function wqlLikeEscape(value: string): string {
  return value.replace(/[[%_]/g, (c) => `[${c}]`);
}

/** `Name LIKE '%text%'` with the text taken literally. */
export function wqlContains(property: string, text: string): string {
  return `${property} LIKE ${wqlString(`%${wqlLikeEscape(text)}%`)}`;
}

export function wqlEquals(property: string, value: string | number): string {
  return `${property} = ${typeof value === 'number' ? wqlNumber(value) : wqlString(value)}`;
}

export function wqlAnd(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => `(${p})`).join(' AND ');
}

export function wqlOr(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => `(${p})`).join(' OR ');
}
