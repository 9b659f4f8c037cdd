/** WMI datetime as the AdminService sends it: ISO-8601 UTC, `Z`, no fraction. */
export function wmiDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** null stays null (the provider sends null for a DateTime never set on discovery classes). */
export function wmiDateOrNull(ms: number | null): string | null {
  return ms === null ? null : wmiDate(ms);
}

/** The zero date the provider reports for collection times that were never set. */
export const UNSET_DATE = '1970-01-01T00:00:00Z';

export function wmiDateOrUnset(ms: number | null): string {
  return ms === null ? UNSET_DATE : wmiDate(ms);
}

/** `PS1` + 5 upper hex digits, the SCCM object id form (CollectionID, PackageID, AdvertisementID). */
export function siteObjectId(siteCode: string, n: number): string {
  return `${siteCode}${n.toString(16).toUpperCase().padStart(5, '0')}`;
}
