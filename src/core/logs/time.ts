/**
 * Times in logs. A record's local time is kept as "milliseconds of the wall-clock time read
 * as if it were UTC" (`localMs`), which orders records of one log without knowing its zone.
 * Where the log states a Windows time-zone bias, UTC = local + bias minutes.
 */

/** Marks "no bias logged" in the Int16 bias column. */
export const NO_BIAS = -32768;

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds at midnight of a calendar date read as UTC, or NaN for a date that does not
 * exist (31 February). Integer arithmetic (days from civil): cheaper than Date.UTC plus a
 * check, and called for every record whose date differs from the previous one.
 */
export function dayMs(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146097 + dayOfEra - 719468) * DAY_MS;
}

/** Milliseconds of the given wall-clock time read as UTC, or NaN when a field is out of range. */
export function wallClockMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  return dayMs(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** `YYYY-MM-DDTHH:MM:SS.mmm` for a wall-clock time in ms, or null for NaN. */
export function formatLocalTime(localMs: number): string | null {
  if (Number.isNaN(localMs)) return null;
  return new Date(localMs).toISOString().slice(0, 23);
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ`, or null for NaN. */
export function formatUtc(utcMs: number): string | null {
  if (Number.isNaN(utcMs)) return null;
  return new Date(utcMs).toISOString();
}

/** Value of the decimal digits text[from, to), or -1 when one of them is not a digit. */
export function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return to > from ? value : -1;
}

/**
 * Milliseconds of a fraction of a second written with any number of digits
 * (`.5` = 500 ms, `.8422964` = 842 ms: extra digits are truncated, as CMTrace shows them).
 */
export function fractionMs(text: string, from: number, to: number): number {
  const digits = Math.min(to - from, 3);
  if (digits <= 0) return 0;
  const value = digitsAt(text, from, from + digits);
  if (value < 0 || digitsAt(text, from, to) < 0) return -1;
  return digits === 1 ? value * 100 : digits === 2 ? value * 10 : value;
}

/**
 * Parses `H:MM:SS[.fffffff]` in text[from, to) into ms since midnight, or NaN.
 * The hour may have one digit (.NET writers).
 */
export function parseClock(text: string, from: number, to: number): number {
  const c1 = text.indexOf(':', from);
  if (c1 < 0 || c1 + 6 > to || c1 - from < 1 || c1 - from > 2) return NaN;
  const hour = digitsAt(text, from, c1);
  const minute = digitsAt(text, c1 + 1, c1 + 3);
  if (text.charCodeAt(c1 + 3) !== 58 /* : */) return NaN;
  const second = digitsAt(text, c1 + 4, c1 + 6);
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) return NaN;
  let ms = 0;
  const afterSeconds = c1 + 6;
  if (afterSeconds < to) {
    const sep = text.charCodeAt(afterSeconds);
    // `.` in most logs; WindowsUpdate.log (legacy) writes `HH:MM:SS:mmm`.
    if (sep !== 46 && sep !== 58) return NaN;
    ms = fractionMs(text, afterSeconds + 1, to);
    if (ms < 0) return NaN;
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Parses a date of three numbers separated by `sep` in the given order into ms at midnight, or NaN. */
export function parseDate(text: string, from: number, to: number, order: 'mdy' | 'ymd', sep: number): number {
  const a = indexOfCode(text, sep, from, to);
  const b = a < 0 ? -1 : indexOfCode(text, sep, a + 1, to);
  if (a < 0 || b < 0) return NaN;
  const first = digitsAt(text, from, a);
  const second = digitsAt(text, a + 1, b);
  const third = digitsAt(text, b + 1, to);
  if (first < 0 || second < 0 || third < 0) return NaN;
  return order === 'mdy' ? dayMs(third, first, second) : dayMs(first, second, third);
}

function indexOfCode(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}
