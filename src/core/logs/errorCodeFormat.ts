/**
 * Number forms of Windows error codes. Logs print one 32-bit value as 0x80070002,
 * 80070002, -2147024894 or 2147942402; everything is normalised to the unsigned value.
 */

/** `0x%08X` of a 32-bit value. */
export function formatHex(unsigned: number): string {
  return `0x${(unsigned >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

export function toSigned(unsigned: number): number {
  return unsigned | 0;
}

/** Accepts any integer that fits in 32 bits, signed or unsigned; null otherwise. */
export function toUnsigned32(value: number): number | null {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) return null;
  return value >>> 0;
}

export type ParsedErrorCode = { kind: 'value'; unsigned: number } | { kind: 'ccmsetup'; exitCode: number };

/**
 * Parses what a user types or a log prints. Eight hex digits without `0x` are read as
 * hex (`80070002`), because that is how logs print HRESULTs; other digit strings are decimal.
 */
export function parseErrorCode(input: string | number): ParsedErrorCode | null {
  if (typeof input === 'number') {
    const unsigned = toUnsigned32(input);
    return unsigned === null ? null : { kind: 'value', unsigned };
  }
  const text = input.trim();
  const ccmsetup = /^ccmsetup\s*:\s*(\d{1,5})$/i.exec(text);
  if (ccmsetup) return { kind: 'ccmsetup', exitCode: Number(ccmsetup[1]) };
  const hex = /^0x\(?([0-9a-f]{1,8})\)?$/i.exec(text) ?? /^\(?([0-9a-f]{8})\)?$/i.exec(text);
  if (hex) return { kind: 'value', unsigned: parseInt(hex[1], 16) >>> 0 };
  const decimal = /^([+-]?\d{1,10})$/.exec(text);
  if (decimal) {
    const unsigned = toUnsigned32(Number(decimal[1]));
    return unsigned === null ? null : { kind: 'value', unsigned };
  }
  return null;
}

/** The key form of a code (`0x%08X`, or `ccmsetup:<n>`) from any form `parseErrorCode` reads; null for what is not a code. */
export function normaliseErrorCode(input: string): string | null {
  const parsed = parseErrorCode(input);
  if (!parsed) return null;
  return parsed.kind === 'ccmsetup' ? `ccmsetup:${parsed.exitCode}` : formatHex(parsed.unsigned);
}

/** HRESULT facility numbers from winerror.h that ConfigMgr-related logs show. */
const FACILITY_NAMES: Readonly<Record<number, string>> = {
  0: 'FACILITY_NULL',
  1: 'FACILITY_RPC',
  2: 'FACILITY_DISPATCH',
  3: 'FACILITY_STORAGE',
  4: 'FACILITY_ITF',
  7: 'FACILITY_WIN32',
  8: 'FACILITY_WINDOWS',
  9: 'FACILITY_SECURITY',
  10: 'FACILITY_CONTROL',
  11: 'FACILITY_CERT',
  12: 'FACILITY_INTERNET',
  15: 'FACILITY_SETUPAPI',
  16: 'FACILITY_SCARD',
  17: 'FACILITY_COMPLUS',
  19: 'FACILITY_URT',
  23: 'FACILITY_SXS',
  25: 'FACILITY_HTTP',
  32: 'FACILITY_BACKGROUNDCOPY',
  36: 'FACILITY_WINDOWSUPDATE',
};

export function facilityOf(unsigned: number): number {
  return (unsigned >>> 16) & 0x1fff;
}

export function facilityName(unsigned: number): string | null {
  return FACILITY_NAMES[facilityOf(unsigned)] ?? null;
}

/** The value is an HRESULT_FROM_WIN32 code (0x8007XXXX). */
export function isWin32HResult(unsigned: number): boolean {
  return (unsigned & 0xffff0000) >>> 0 === 0x80070000;
}

/** BITS and WinHTTP-based callers report HTTP errors as 0x8019XXXX with the status in the low word. */
export function httpStatusOf(unsigned: number): number | undefined {
  if ((unsigned & 0xffff0000) >>> 0 !== 0x80190000) return undefined;
  const status = unsigned & 0xffff;
  return status >= 100 && status <= 599 ? status : undefined;
}
