import { ERROR, INFO, RecordDraft, WARNING } from '../recordColumns';
import type { RecordStore } from '../recordStore';
import { NO_BIAS, dayMs } from '../time';
import { parseLegacyLine } from './legacy';
import { severityFromText, skipWhitespace, trimEnd, type FormatScanner } from './scanner';

const START = '<![LOG[';
const END = ']LOG]!><time="';
const INCOMPLETE = -1;
const MALFORMED = -2;
const DASH = 45;
const PLUS = 43;
// Imported bindings copied once: under tsx (CommonJS) each access is a getter call, and
// these are read for every one of 500k records.
const NONE = NO_BIAS;
const SEVERITY_ERROR = ERROR;
const SEVERITY_WARNING = WARNING;
const SEVERITY_INFO = INFO;
const toDayMs = dayMs;

/**
 * CMTrace / CCM format:
 * `<![LOG[message]LOG]!><time="HH:MM:SS.mmm+BIAS" date="MM-DD-YYYY" component="" context="" type="1" thread="" file="">`.
 * Found with indexOf and parsed by hand: a regex over 100 MB costs several times more.
 * Text outside any record (a torn write) becomes fragment records, never dropped.
 */
export class CmtraceScanner implements FormatScanner {
  private readonly draft = new RecordDraft();
  /** Bias of the latest record that logged one; lent to records without one (see `fillTimes`). */
  private lastBias = NONE;
  private dateFrom = 0;
  private dateTo = 0;
  private clockFrom = 0;
  private clockTo = 0;
  private bias = NONE;
  // Consecutive records share their date: remember the last one parsed.
  private lastDateKey = -1;
  private lastDayMs = NaN;
  private readonly lessThan = new CharFinder('<');
  private readonly lineFeed = new CharFinder('\n');
  private readonly carriageReturn = new CharFinder('\r');

  constructor(private readonly store: RecordStore) {}

  scan(text: string, final: boolean): number {
    this.lessThan.reset();
    this.lineFeed.reset();
    this.carriageReturn.reset();
    const length = text.length;
    let pos = 0;
    let start = text.indexOf(START, 0);
    for (;;) {
      if (start < 0) {
        if (!final) return pos;
        this.gap(text, pos, length);
        return length;
      }
      // Text before a record start waits with it until the record proves whole: if it does
      // not, that text and the broken record are one gap, fragmented by lines together.
      let marker = text.indexOf(END, start + START.length);
      if (marker < 0) {
        if (!final) return pos;
        this.gap(text, pos, length);
        return length;
      }
      // A record start followed by another start before any end was torn (it is gap text),
      // or holds a quoted record (see `quotingRecord`).
      let outer = -1;
      let next = text.indexOf(START, start + START.length);
      while (next >= 0 && next < marker) {
        outer = start;
        start = next;
        next = text.indexOf(START, start + START.length);
      }
      let end = this.parseTrailer(text, marker + END.length, length, final);
      // `]LOG]!><time="` inside a message but no trailer there: the record's own may follow.
      while (end === MALFORMED) {
        const later = text.indexOf(END, marker + END.length);
        if (later < 0 && next < 0 && !final) return pos;
        if (later < 0 || (next >= 0 && later > next)) break;
        marker = later;
        end = this.parseTrailer(text, marker + END.length, length, final);
      }
      if (end === INCOMPLETE) return pos;
      if (end === MALFORMED) {
        start = next;
        continue;
      }
      if (outer >= 0) {
        const quoting = this.quotingRecord(text, end, final);
        if (quoting === INCOMPLETE) return pos;
        if (quoting >= 0) {
          [start, marker, end] = [outer, end, quoting];
          next = text.indexOf(START, end);
        } else {
          this.parseTrailer(text, marker + END.length, length, final);
        }
      }
      // Fragments in the gap reuse the draft: read this record's trailer again after them.
      if (this.gap(text, pos, start)) this.parseTrailer(text, marker + END.length, length, final);
      this.commit(text, start, start + START.length, marker, end, false);
      pos = end;
      start = next < 0 || next >= end ? next : text.indexOf(START, end);
    }
  }

  /**
   * A record that quotes a whole CMTrace record in its message (a script logging a line of
   * another log): the quoted trailer is followed at once by the outer one. Returns the end
   * of the outer trailer, INCOMPLETE when the text stops before that is known, or MALFORMED.
   */
  private quotingRecord(text: string, at: number, final: boolean): number {
    if (text.startsWith(END, at)) return this.parseTrailer(text, at + END.length, text.length, final);
    return !final && text.length - at < END.length && END.startsWith(text.slice(at)) ? INCOMPLETE : MALFORMED;
  }

  /**
   * Emits the non-blank text of [from, to) as fragments: torn records, then single lines.
   * Returns whether there was any.
   */
  private gap(text: string, from: number, to: number): boolean {
    let p = skipWhitespace(text, from, to);
    if (p >= to) return false;
    while (p < to) {
      let marker = text.indexOf(END, p);
      let tornEnd = MALFORMED;
      while (marker >= 0 && marker < to) {
        tornEnd = this.parseTrailer(text, marker + END.length, to, true);
        if (tornEnd >= 0) break;
        marker = text.indexOf(END, marker + 1);
      }
      if (tornEnd < 0) {
        this.lineFragments(text, p, to);
        return true;
      }
      // `...end of a message]LOG]!><time=...>`: the start of the record was overwritten.
      this.commit(text, p, p, marker, tornEnd, true);
      p = skipWhitespace(text, tornEnd, to);
    }
    return true;
  }

  private lineFragments(text: string, from: number, to: number): void {
    const draft = this.draft;
    let p = from;
    while (p < to) {
      p = skipWhitespace(text, p, to);
      if (p >= to) return;
      let lineEnd = p;
      while (lineEnd < to) {
        const c = text.charCodeAt(lineEnd);
        if (c === 10 || c === 13) break;
        lineEnd++;
      }
      const end = trimEnd(text, p, lineEnd);
      // A line of the legacy format: its component logged in the older format for a while.
      if (parseLegacyLine(text, p, end, draft)) {
        this.store.add(draft);
        p = lineEnd;
        continue;
      }
      draft.reset();
      draft.start = draft.messageStart = p;
      draft.end = draft.messageEnd = end;
      draft.fragment = true;
      draft.severity = severityFromText(text, p, end);
      this.store.add(draft);
      p = lineEnd;
    }
  }

  /** Adds the record whose attributes `parseTrailer` just read. */
  private commit(text: string, start: number, messageStart: number, messageEnd: number, end: number, fragment: boolean): void {
    const draft = this.draft;
    draft.start = start;
    draft.end = end;
    draft.messageStart = messageStart;
    draft.messageEnd = messageEnd;
    draft.fragment = fragment;
    this.fillTimes(text);
    this.store.add(draft);
  }

  private fillTimes(text: string): void {
    const draft = this.draft;
    const local = this.dayOf(text) + clockMs(text, this.clockFrom, this.clockTo);
    draft.localMs = local;
    const bias = this.bias;
    draft.biasMinutes = bias;
    if (bias !== NONE) this.lastBias = bias;
    // .NET writers (SCClient, AdminService) omit the bias; the native components of the
    // same machine write it into the same file, so the latest one is the zone in effect.
    draft.utcBias = bias !== NONE ? bias : this.lastBias;
  }

  /** Midnight (ms) of the `date="M-D-YYYY"` value, NaN when absent or invalid. */
  private dayOf(text: string): number {
    const from = this.dateFrom;
    const to = this.dateTo;
    const monthEnd = digitsEnd(text, from, to);
    if (monthEnd === from || monthEnd - from > 2 || text.charCodeAt(monthEnd) !== DASH) return NaN;
    const dayFrom = monthEnd + 1;
    const dayEnd = digitsEnd(text, dayFrom, to);
    if (dayEnd === dayFrom || dayEnd - dayFrom > 2 || text.charCodeAt(dayEnd) !== DASH) return NaN;
    const yearFrom = dayEnd + 1;
    if (digitsEnd(text, yearFrom, to) !== to || to - yearFrom !== 4) return NaN;
    const month = digitsValue(text, from, monthEnd);
    const day = digitsValue(text, dayFrom, dayEnd);
    const year = digitsValue(text, yearFrom, to);
    const key = (year * 100 + month) * 100 + day;
    if (key !== this.lastDateKey) {
      this.lastDateKey = key;
      this.lastDayMs = toDayMs(year, month, day);
    }
    return this.lastDayMs;
  }

  /**
   * Reads `HH:MM:SS.mmm+BIAS" date="..." component="..." ... >` starting at `at` (just after
   * `time="`) into the draft. Returns the position after `>`, INCOMPLETE when the text ends
   * first (and is not final), or MALFORMED. A trailer is one line without `<`: checked with
   * indexOf on the whole trailer rather than character by character.
   */
  private parseTrailer(text: string, at: number, limit: number, final: boolean): number {
    const draft = this.draft.reset();
    this.dateFrom = this.dateTo = 0;
    const close = text.indexOf('>', at);
    if (close < 0 || close >= limit) return close < 0 && !final ? this.incompleteUnlessBroken(text, at) : MALFORMED;
    if (this.lessThan.find(text, at) < close || this.lineFeed.find(text, at) < close || this.carriageReturn.find(text, at) < close) return MALFORMED;
    const timeClose = text.indexOf('"', at);
    if (timeClose < 0 || timeClose > close) return MALFORMED;
    this.readTime(text, at, timeClose);
    let p = timeClose + 1;
    for (;;) {
      let c = text.charCodeAt(p);
      while (c === 32 || c === 9) c = text.charCodeAt(++p);
      if (p === close) return close + 1;
      const equals = text.indexOf('="', p);
      if (equals < 0 || equals >= close) return MALFORMED;
      const from = equals + 2;
      const to = text.indexOf('"', from);
      if (to < 0 || to > close) return MALFORMED;
      // Names told apart by length and first two letters: date, type, file, thread, component.
      const first = text.charCodeAt(p);
      const second = text.charCodeAt(p + 1);
      switch (equals - p) {
        case 4:
          if (first === 100 && second === 97) {
            this.dateFrom = from;
            this.dateTo = to;
          } else if (first === 116 && second === 121) {
            draft.severity = typeSeverity(text, from, to);
          } else if (first === 102 && second === 105) {
            draft.sourceFileStart = from;
            draft.sourceFileEnd = to;
          }
          break;
        case 6:
          if (first === 116 && second === 104) {
            draft.threadStart = from;
            draft.threadEnd = to;
          }
          break;
        case 9:
          if (first === 99 && second === 111) {
            draft.componentStart = from;
            draft.componentEnd = to;
          }
          break;
        default:
          break;
      }
      p = to + 1;
    }
  }

  /** No `>` yet: the trailer may still come, unless what is there already breaks it. */
  private incompleteUnlessBroken(text: string, at: number): number {
    const broken = this.lessThan.find(text, at) < Infinity || this.lineFeed.find(text, at) < Infinity || this.carriageReturn.find(text, at) < Infinity;
    return broken ? MALFORMED : INCOMPLETE;
  }

  private readTime(text: string, from: number, to: number): void {
    let clockEnd = from;
    let c = text.charCodeAt(clockEnd);
    while (clockEnd < to && c !== PLUS && c !== DASH) c = text.charCodeAt(++clockEnd);
    this.clockFrom = from;
    this.clockTo = clockEnd;
    this.bias = NONE;
    if (clockEnd >= to) return;
    let p = clockEnd + 1;
    let negative = c === DASH;
    // `+-240` is written by some writers for a negative bias.
    if (!negative && text.charCodeAt(p) === DASH) {
      negative = true;
      p++;
    }
    if (p === to || to - p > 4) return;
    let value = 0;
    for (; p < to; p++) {
      const d = text.charCodeAt(p) - 48;
      if (d < 0 || d > 9) return;
      value = value * 10 + d;
    }
    this.bias = negative ? -value : value;
  }
}

/** `H:MM:SS[.fffffff]` in [from, to) as ms since midnight (fraction truncated to ms), or NaN. */
function clockMs(text: string, from: number, to: number): number {
  const hourEnd = digitsEnd(text, from, to);
  if (hourEnd === from || hourEnd - from > 2 || text.charCodeAt(hourEnd) !== 58 || hourEnd + 6 > to) return NaN;
  const hour = digitsValue(text, from, hourEnd);
  const minute = twoDigits(text, hourEnd + 1);
  const second = text.charCodeAt(hourEnd + 3) === 58 ? twoDigits(text, hourEnd + 4) : -1;
  if (hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const p = hourEnd + 6;
  let ms = 0;
  if (p < to) {
    if (text.charCodeAt(p) !== 46 /* . */) return NaN;
    const fractionEnd = digitsEnd(text, p + 1, to);
    if (fractionEnd !== to) return NaN;
    // Only the first three digits count: .8422964 is 842 ms, .5 is 500 ms.
    for (let scale = 100, i = p + 1; i < to && scale >= 1; i++, scale /= 10) ms += (text.charCodeAt(i) - 48) * scale;
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** End of the run of decimal digits starting at `from` (at most `to`). */
function digitsEnd(text: string, from: number, to: number): number {
  let p = from;
  while (p < to) {
    const d = text.charCodeAt(p) - 48;
    if (d < 0 || d > 9) break;
    p++;
  }
  return p;
}

/** Value of the digits text[from, to) (known to be digits). */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let p = from; p < to; p++) value = value * 10 + text.charCodeAt(p) - 48;
  return value;
}

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** type="3" error, "2" warning; 1, 0 (ccmsetup, smsts) and empty are information. */
function typeSeverity(text: string, from: number, to: number): number {
  if (to - from !== 1) return SEVERITY_INFO;
  const code = text.charCodeAt(from);
  return code === 51 ? SEVERITY_ERROR : code === 50 ? SEVERITY_WARNING : SEVERITY_INFO;
}

/**
 * indexOf for one character, remembering its last answer: asked again from a later
 * position before that answer, it answers without searching. Keeps "is there a line
 * break in this trailer" cheap even in a file with no line feeds at all.
 */
class CharFinder {
  private from = Infinity;
  private found = Infinity;

  constructor(private readonly char: string) {}

  reset(): void {
    this.from = Infinity;
    this.found = Infinity;
  }

  /** First position >= at of the character, or Infinity. */
  find(text: string, at: number): number {
    if (at >= this.from && this.found >= at) return this.found;
    this.from = at;
    const found = text.indexOf(this.char, at);
    this.found = found < 0 ? Infinity : found;
    return this.found;
  }
}
