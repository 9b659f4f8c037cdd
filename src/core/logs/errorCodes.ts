import { z } from 'zod';
import rawCodes from './data/error-codes.json';
import type { ErrorCodeInfo } from './types';
import {
  facilityName,
  formatHex,
  httpStatusOf,
  isWin32HResult,
  parseErrorCode,
  toSigned,
} from './errorCodeFormat';

export { findErrorCodes, type FoundErrorCode } from './errorCodeFinder';
export { formatHex, parseErrorCode } from './errorCodeFormat';

/** `source` of an answer derived from the code's value alone (no message is known for it). */
export const DERIVED_SOURCE = 'derived';
const MESSAGE_NOT_KNOWN = 'Message not known.';

const sourceSchema = z.object({
  what: z.string(),
  url: z.string().url().optional(),
  repo: z.string().optional(),
  path: z.string().optional(),
});
const rowSchema = z
  .object({
    code: z.string().regex(/^(?:0x[0-9A-F]{8}|ccmsetup:\d+)$/),
    name: z.string().nullable(),
    message: z.string().min(1),
    category: z.string().min(1),
    source: z.string().min(1),
    win32: z.number().int().optional(),
  })
  .strict();
const fileSchema = z.object({
  sources: z.record(sourceSchema),
  codes: z.array(rowSchema).min(1),
});

export type ErrorCodeSource = z.infer<typeof sourceSchema>;

interface CodeTable {
  byKey: Map<string, ErrorCodeInfo>;
  sources: Record<string, ErrorCodeSource>;
}

let table: CodeTable | undefined;

function buildTable(): CodeTable {
  const data = fileSchema.parse(rawCodes);
  const byKey = new Map<string, ErrorCodeInfo>();
  for (const row of data.codes) {
    const source = data.sources[row.source];
    if (!source) throw new Error(`error-codes.json: ${row.code} names unknown source "${row.source}"`);
    const sourceUrl = source.url ?? null;
    if (row.code.startsWith('ccmsetup:')) {
      const exitCode = Number(row.code.slice('ccmsetup:'.length));
      byKey.set(row.code, { hex: row.code, unsigned: exitCode, signed: exitCode, name: row.name, message: row.message, category: row.category, source: row.source, sourceUrl });
      continue;
    }
    const unsigned = parseInt(row.code.slice(2), 16) >>> 0;
    const info: ErrorCodeInfo = { hex: row.code, unsigned, signed: toSigned(unsigned), name: row.name, message: row.message, category: row.category, source: row.source, sourceUrl };
    const win32 = row.win32 ?? (row.category === 'win32' ? unsigned : undefined);
    if (win32 !== undefined) info.win32 = win32;
    const httpStatus = httpStatusOf(unsigned);
    if (httpStatus !== undefined) info.httpStatus = httpStatus;
    byKey.set(row.code, info);
  }
  // HRESULT_FROM_WIN32(n) carries the Win32 message; the compact file stores only the Win32 entry.
  for (const info of [...byKey.values()]) {
    if (info.category !== 'win32' || info.unsigned > 0xffff || info.unsigned === 0) continue;
    const unsigned = (0x80070000 | info.unsigned) >>> 0;
    const hex = formatHex(unsigned);
    if (byKey.has(hex)) continue;
    byKey.set(hex, { ...info, hex, unsigned, signed: toSigned(unsigned), category: 'hresult-win32', win32: info.unsigned });
  }
  return { byKey, sources: data.sources };
}

function codeTable(): CodeTable {
  table ??= buildTable();
  return table;
}

/** Number of codes with a known message (Win32, HRESULT, ConfigMgr, WUA, BITS, WMI, ccmsetup ...). */
export function errorCodeCount(): number {
  return codeTable().byKey.size;
}

/** The attribution table: source key to what it is and where it lives. */
export function errorCodeSources(): Readonly<Record<string, ErrorCodeSource>> {
  return codeTable().sources;
}

/** False for answers built from the value alone, whose message is not known. */
export function hasKnownMessage(info: ErrorCodeInfo): boolean {
  return info.source !== DERIVED_SOURCE;
}

/**
 * Everything known about a code given in any form a log or a person writes:
 * `0x80070002`, `80070002`, `0x(80070002)`, `-2147024894`, `2147942402`, `2`, `1603`, `ccmsetup:7`.
 * Codes without a known message still get what their value implies (Win32 code inside an
 * HRESULT, HTTP status inside a BITS code, the facility); the message then says it is not known.
 */
export function lookupErrorCode(input: string | number): ErrorCodeInfo | null {
  const parsed = parseErrorCode(input);
  if (!parsed) return null;
  const { byKey } = codeTable();
  if (parsed.kind === 'ccmsetup') {
    const key = `ccmsetup:${parsed.exitCode}`;
    return (
      byKey.get(key) ?? {
        hex: key,
        unsigned: parsed.exitCode,
        signed: parsed.exitCode,
        name: null,
        message: `${MESSAGE_NOT_KNOWN} ccmsetup documents return codes 0, 6, 7, 8, 9 and 10 only.`,
        category: 'ccmsetup',
        source: DERIVED_SOURCE,
        sourceUrl: null,
      }
    );
  }
  return byKey.get(formatHex(parsed.unsigned)) ?? describeUnknown(parsed.unsigned);
}

/** Standard reason phrases (RFC 9110) for the statuses BITS codes carry. */
const HTTP_REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict',
  410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Content Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
};

/** Category of a value by its range, as the families in the code table are laid out. */
function categoryOf(unsigned: number): string | null {
  const high = unsigned >>> 16;
  if (unsigned <= 0xffff) return 'win32';
  if (high === 0x8007) {
    const win32 = unsigned & 0xffff;
    return win32 >= 12000 && win32 <= 12199 ? 'winhttp' : 'hresult-win32';
  }
  if (high === 0x8019 || high === 0x8020) return 'bits';
  if (high === 0x8024) return 'windowsupdate';
  if (high >= 0x87d0 && high <= 0x87d2) return 'configmgr';
  if ((unsigned & 0xfffff000) >>> 0 === 0x80041000) return 'wmi';
  if ((unsigned & 0xfffff800) >>> 0 === 0x800f0800) return 'cbs';
  if (high === 0xc190 || high === 0xc180) return 'setup';
  if (facilityName(unsigned)) return 'hresult';
  return null;
}

function describeUnknown(unsigned: number): ErrorCodeInfo | null {
  const category = categoryOf(unsigned);
  if (!category) return null;
  const info: ErrorCodeInfo = {
    hex: formatHex(unsigned),
    unsigned,
    signed: toSigned(unsigned),
    name: null,
    message: MESSAGE_NOT_KNOWN,
    category,
    source: DERIVED_SOURCE,
    sourceUrl: null,
  };
  if (category === 'win32') {
    info.win32 = unsigned;
    info.message = `${MESSAGE_NOT_KNOWN} Win32 error code ${unsigned}.`;
  } else if (isWin32HResult(unsigned)) {
    const win32 = unsigned & 0xffff;
    info.win32 = win32;
    info.name = `HRESULT_FROM_WIN32(${win32})`;
    info.message = `${MESSAGE_NOT_KNOWN} Win32 error code ${win32} as an HRESULT.`;
  } else if (category === 'setup') {
    info.message = `${MESSAGE_NOT_KNOWN} A Windows Setup (upgrade) result code.`;
  } else {
    const status = httpStatusOf(unsigned);
    if (status !== undefined) {
      info.httpStatus = status;
      const reason = HTTP_REASONS[status];
      info.message = `${MESSAGE_NOT_KNOWN} The server answered HTTP ${status}${reason ? ` ${reason}` : ''}.`;
    } else {
      const facility = facilityName(unsigned);
      if (facility) info.message = `${MESSAGE_NOT_KNOWN} ${facility}, code ${unsigned & 0xffff}.`;
    }
  }
  return info;
}
