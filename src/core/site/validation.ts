import { SiteError } from './errors';

/**
 * Checks on ids and values before they go near a query. Both backends use these, so a bad value
 * fails the same way whichever backend runs, and never reaches the site.
 */

/** Site code + 5 characters: hex for created collections (`PS100012`), letters in some built-ins (`SMSDM003`). */
const COLLECTION_ID = /^[A-Z0-9]{3}[A-Z0-9]{5}$/;
const SITE_CODE = /^[A-Z0-9]{3}$/;
const UINT32_MAX = 0xffffffff;

/**
 * C0 control characters (tabs, newlines, NUL), which no name the site holds contains, and lone
 * UTF-16 surrogates, which cannot be sent as UTF-8 at all.
 */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return true;
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

export function validateCollectionId(value: string): string {
  const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!COLLECTION_ID.test(id)) {
    throw new SiteError('invalidInput', `"${String(value)}" is not a collection ID (expected a site code and 5 characters, e.g. PS100012 or SMSDM003).`);
  }
  return id;
}

export function validateResourceId(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > UINT32_MAX) {
    throw new SiteError('invalidInput', `${String(value)} is not a resource ID (expected a positive whole number).`);
  }
  return value;
}

export function validateSiteCode(value: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!SITE_CODE.test(code)) {
    throw new SiteError('invalidInput', `"${String(value)}" is not a site code (expected 3 letters or digits, e.g. PS1).`);
  }
  return code;
}

/** Any common MAC form (`00-15-5d-01-02-03`, `00155D010203`, `0015.5D01.0203`) to `00:15:5D:01:02:03`. */
export function normalizeMacAddress(value: string): string {
  const hex = value.trim().replace(/[:\-.\s]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) {
    throw new SiteError('invalidInput', `"${value}" is not a MAC address (expected 6 hex byte pairs, e.g. 00:15:5D:01:02:03).`);
  }
  return hex.toUpperCase().match(/../g)!.join(':');
}

/** A MAC the site sent, normalised; undefined when it is not a MAC (the site's data, not the caller's). */
export function tryNormalizeMacAddress(value: string): string | undefined {
  const hex = value.trim().replace(/[:\-.\s]/g, '');
  return /^[0-9a-fA-F]{12}$/.test(hex) ? hex.toUpperCase().match(/../g)!.join(':') : undefined;
}

/** `{e8a3efac-201f-...}` to `E8A3EFAC-201F-...` (SMS_R_System.SMBIOSGUID form). */
export function normalizeSmbiosGuid(value: string): string {
  const guid = tryNormalizeSmbiosGuid(value);
  if (!guid) {
    throw new SiteError('invalidInput', `"${value}" is not an SMBIOS GUID (expected 8-4-4-4-12 hex digits).`);
  }
  return guid;
}

export function tryNormalizeSmbiosGuid(value: string): string | undefined {
  const text = value.trim().replace(/^\{(.*)\}$/, '$1');
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text)) return text.toUpperCase();
  if (/^[0-9a-fA-F]{32}$/.test(text)) {
    const u = text.toUpperCase();
    return `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`;
  }
  return undefined;
}

/**
 * A computer name for ImportMachineEntry: 1-15 characters (NetBIOS), letters, digits, hyphens and
 * underscores, not starting with a hyphen.
 */
export function validateNewDeviceName(value: string): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]{0,14}$/.test(name)) {
    throw new SiteError('invalidInput', `"${String(value)}" is not a computer name (1-15 letters, digits, hyphens or underscores).`);
  }
  return name;
}

/**
 * A name to look a device up by. Existing records may hold names we would not create, so this
 * only refuses what no computer name can hold: a backslash (someone typed DOMAIN\PC), control
 * characters, or more than 255 characters.
 */
export function validateLookupName(value: string): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length === 0 || name.length > 255 || /\\/.test(name) || hasControlCharacter(name)) {
    throw new SiteError('invalidInput', `"${String(value)}" is not a computer name (no domain prefix, no control characters).`);
  }
  return name;
}

/** Free text for a name search: bounded, no control characters (they cannot be in any name). */
export function validateSearchText(value: string): string {
  if (value.length > 256 || hasControlCharacter(value)) {
    throw new SiteError('invalidInput', 'The search text is too long or holds control characters.');
  }
  return value;
}

/** Console folder path as SMS_Collection.ObjectPath holds it: `/` or `/A/B`. */
export function normalizeFolderPath(value: string): string {
  let path = value.trim().replace(/\\/g, '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path.length > 1024 || hasControlCharacter(path)) {
    throw new SiteError('invalidInput', 'The folder path is too long or holds control characters.');
  }
  return path;
}

export function validatePageQuery(query: { top: number; skip?: number }): { top: number; skip: number } {
  const { top } = query;
  const skip = query.skip ?? 0;
  if (!Number.isSafeInteger(top) || top < 1 || top > 5000) {
    throw new SiteError('invalidInput', `Page size ${String(top)} is out of range (1-5000).`);
  }
  if (!Number.isSafeInteger(skip) || skip < 0) {
    throw new SiteError('invalidInput', `Skip ${String(skip)} must be a whole number, 0 or more.`);
  }
  return { top, skip };
}
