import { fractionMs, wallClockMs } from '../time';
import type { LogFormat } from '../types';

/** How the zone of a logged time is known. */
export type TimeZoneKnowledge =
  /** A Windows bias is logged next to the time (CMTrace, legacy trailer): UTC = local + bias. */
  | 'bias'
  /** The format logs UTC (IIS). */
  | 'utc'
  /** Local time of a zone the log does not state. */
  | 'unknown';

/** A time written on one line of a log, and the moment it stands for. */
export interface TimeSpan {
  /** 0-based UTF-16 columns [start, end) of the text to hover. */
  start: number;
  end: number;
  /** The wall-clock time as written, read as if it were UTC (ms). */
  localMs: number;
  /** UTC ms when the zone is known, else null. */
  utcMs: number | null;
  /** Logged bias in minutes, or null. */
  biasMinutes: number | null;
  zone: TimeZoneKnowledge;
}

// The bias may be written `+-240` for -240, as the parser reads it too.
const CMTRACE_TIME = /time="(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?([+-]-?\d{1,4})?"\s+date="(\d{1,2})-(\d{1,2})-(\d{4})"/g;
const LEGACY_TIME = /\$\$<[^>]*><((\d{1,2})-(\d{1,2})-(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?([+-]-?\d{1,4})?)>/g;
const PANTHER_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?=,)/;
const WU_LEGACY_TIME = /^(\d{4})-(\d{2})-(\d{2})\t(\d{2}):(\d{2}):(\d{2}):(\d{3})/;
const WU10_TIME = /^(\d{4})[/-](\d{2})[/-](\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,7})/;
const SETUPAPI_TIME = /(?:Section start|Section end|Boot Session:) (\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})/;
const IIS_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?= )/;

function fractionToMs(fraction: string | undefined): number {
  return fraction ? fractionMs(fraction, 0, fraction.length) : 0;
}

function parseBias(text: string | undefined): number | null {
  if (!text) return null;
  // CMTrace and legacy trailers were seen with `+-60`: a doubled sign reads as the second one.
  const value = Number(text.replace(/^[+-](?=-)/, ''));
  return Number.isFinite(value) ? value : null;
}

function span(start: number, end: number, localMs: number, biasMinutes: number | null, utcKnown: boolean): TimeSpan | undefined {
  if (Number.isNaN(localMs)) return undefined;
  if (biasMinutes !== null) return { start, end, localMs, utcMs: localMs + biasMinutes * 60_000, biasMinutes, zone: 'bias' };
  return { start, end, localMs, utcMs: utcKnown ? localMs : null, biasMinutes: null, zone: utcKnown ? 'utc' : 'unknown' };
}

/** y-m-d h:m:s.f matched by `re` at the start of its groups 1..7. */
function ymdSpan(line: string, re: RegExp, utcKnown: boolean): TimeSpan[] {
  const m = re.exec(line);
  if (!m) return [];
  const local = wallClockMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fractionToMs(m[7]));
  const found = span(m.index, m.index + m[0].length, local, null, utcKnown);
  return found ? [found] : [];
}

function cmtraceSpans(line: string): TimeSpan[] {
  const out: TimeSpan[] = [];
  for (const m of line.matchAll(CMTRACE_TIME)) {
    const [, h, mi, s, fraction, bias, mo, d, y] = m;
    const local = wallClockMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), fractionToMs(fraction));
    const at = m.index ?? 0;
    const dateAt = at + m[0].lastIndexOf('date="');
    // The time attribute and the date attribute are one moment: either can be hovered.
    const time = span(at, at + m[0].indexOf('"', 6) + 1, local, parseBias(bias), false);
    const date = span(dateAt, at + m[0].length, local, parseBias(bias), false);
    if (time && date) out.push(time, date);
  }
  return out;
}

function legacySpans(line: string): TimeSpan[] {
  const out: TimeSpan[] = [];
  for (const m of line.matchAll(LEGACY_TIME)) {
    const [, text, mo, d, y, h, mi, s, fraction, bias] = m;
    const local = wallClockMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), fractionToMs(fraction));
    const start = (m.index ?? 0) + m[0].length - 1 - text.length;
    const found = span(start, start + text.length, local, parseBias(bias), false);
    if (found) out.push(found);
  }
  return out;
}

/**
 * Every logged time on a line of a log of the given format, with its columns, so a hover can
 * tell which one the pointer is over and what moment (UTC) it is.
 */
export function findTimeSpans(line: string, format: LogFormat): TimeSpan[] {
  switch (format) {
    case 'cmtrace':
      return cmtraceSpans(line);
    case 'legacy':
      return legacySpans(line);
    case 'panther':
      return ymdSpan(line, PANTHER_TIME, false);
    case 'windowsupdate':
      return ymdSpan(line, WU_LEGACY_TIME, false);
    case 'windowsupdate10':
      return ymdSpan(line, WU10_TIME, false);
    case 'setupapi':
      return ymdSpan(line, SETUPAPI_TIME, false);
    case 'iis':
      return ymdSpan(line, IIS_TIME, true);
    case 'plain':
      return [];
  }
}

/** The time span covering column `column` of the line, if any. */
export function timeSpanAt(line: string, format: LogFormat, column: number): TimeSpan | undefined {
  return findTimeSpans(line, format).find((s) => column >= s.start && column < s.end);
}

/**
 * The UTC offset a Windows bias stands for (UTC = local + bias, so the offset is −bias):
 * `+240` → `UTC−04:00`, `-330` → `UTC+05:30`, `0` → `UTC+00:00`. Uses the minus sign (U+2212).
 */
export function utcOffsetText(biasMinutes: number): string {
  const offset = -biasMinutes;
  const sign = offset < 0 ? '\u2212' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `YYYY-MM-DD HH:MM:SS.mmm` of ms read as UTC (a wall-clock time or a UTC moment). */
export function formatClockMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}
