import { z } from 'zod';
import { SiteError } from '../errors';

/**
 * WMI property bags as both backends deliver them (AdminService JSON or CIM instances converted to
 * JSON by our PowerShell scripts). Keys are matched case-insensitively: the site writes
 * `ResourceId` on SMS_R_System and `ResourceID` elsewhere (reference §2.2), and PowerShell may
 * differ again. Schemas below are therefore written with lower-case keys.
 */
export type PropertyBag = Record<string, unknown>;

/** Copies an object with every key lower-cased (the first spelling of a key wins). */
export function lowerCaseKeys(value: unknown): PropertyBag {
  const out: PropertyBag = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = v;
  }
  return out;
}

/** Reads one property case-insensitively. */
export function readProperty(value: unknown, name: string): unknown {
  return lowerCaseKeys(value)[name.toLowerCase()];
}

/** Parses a bag with a lower-case-keyed schema; failures become SiteError 'invalidResponse'. */
export function parseBag<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(lowerCaseKeys(value));
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(row)'}: ${issue.message}` : 'unknown shape';
    throw new SiteError('invalidResponse', `The site sent ${what} we do not understand (${where}).`, { cause: result.error });
  }
  return result.data;
}

/** WMI Boolean/UInt32 flags: JSON booleans, 0/1, "True"/"False"; null/missing reads as false. */
export const wmiFlag = z
  .union([z.boolean(), z.number(), z.string(), z.null(), z.undefined()])
  .transform((v) => (typeof v === 'string' ? /^(true|1)$/i.test(v.trim()) : Boolean(v)));

/** Whole numbers sent as JSON numbers (Edm.Int64 too) or numeric strings. */
export const wmiInt = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform((v) => Number(v));

export const wmiIntOrNull = z
  .union([z.number(), z.string().regex(/^-?\d+$/), z.null(), z.undefined()])
  .transform((v) => (v === null || v === undefined ? null : Number(v)));

export const wmiIntOrZero = wmiIntOrNull.transform((v) => v ?? 0);

/** Strings that may be null or missing; empty strings stay empty. */
export const wmiText = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => v ?? '');

/** Strings where empty means "not known". */
export const wmiTextOrNull = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => (v === null || v === undefined || v.trim() === '' ? null : v));

export const wmiTextArray = z
  .union([z.array(z.union([z.string(), z.null()])), z.string(), z.null(), z.undefined()])
  .transform((v) => {
    if (v === null || v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  });

/**
 * Datetimes to ISO UTC without fractions (`2024-08-30T20:55:06Z`), or null when unset: the site
 * reports never-happened times as 1970-01-01 or 1980-01-01 (reference §1.7). Windows
 * PowerShell 5.1 writes `/Date(ms)/`; that is read too.
 */
export const wmiDate = z.union([z.string(), z.null(), z.undefined()]).transform((v) => normalizeDate(v));

export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const legacy = /^\/Date\((-?\d+)\)\/$/.exec(value);
  const date = legacy ? new Date(Number(legacy[1])) : new Date(value);
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const year = date.getUTCFullYear();
  if (year <= 1980) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
