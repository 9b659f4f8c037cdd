import { ERROR, INFO, WARNING } from '../recordColumns';
import type { LogFormat } from '../types';

/**
 * A format's record finder. `scan` is given the text not yet consumed (the previous call's
 * leftover followed by new text), adds every complete record to the store, and returns how
 * many characters it consumed. What it leaves (an incomplete record or line) comes back at
 * the start of the next call's text. With `final`, everything is consumed. Scanners make
 * each decision from text they have already seen, so the records do not depend on how the
 * input was split into chunks.
 */
export interface FormatScanner {
  scan(text: string, final: boolean): number;
  /**
   * Set when `scan` stopped before a line that starts a record of another format: the log
   * changed format in the middle (a component upgraded to CMTrace appends to its old log).
   * The parser goes on from the returned position with that format's scanner.
   */
  readonly handOff?: LogFormat;
}

/** U+FEFF: a byte-order mark in the middle of the text, where a second log was appended. */
export const BOM_CODE = 0xfeff;
const CMTRACE_START = '<![LOG[';

/** Space, tab, CR, LF, form feed, vertical tab, NUL (binary junk between records), and a stray BOM. */
export function isWhitespaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0 || code === BOM_CODE;
}

/** Whether the line starting at `start` starts a CMTrace record (after blanks or a BOM). */
export function startsCmtraceRecord(text: string, start: number, end: number): boolean {
  const p = skipWhitespace(text, start, end);
  return text.charCodeAt(p) === 60 /* < */ && text.startsWith(CMTRACE_START, p);
}

/** First position in [from, to) that is not whitespace, or `to`. */
export function skipWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWhitespaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Position after the last character in [from, to) that is not whitespace, or `from`. */
export function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isWhitespaceCode(text.charCodeAt(i - 1))) i--;
  return i;
}

const ERROR_WORDS = /\b(?:error|fail)/i;
const WARNING_WORDS = /\bwarn/i;
/** Counts of zero and negations ("errors = 0", "and error 0", "0 failed", "no errors", "without error") report no failure. */
const NO_FAILURE = /\b(?:(?:errors?|failures?|failed)\s*[=:]?\s*0+\b(?![.,:]\d)|0+\s+(?:errors?|failures?|failed)\b|(?:no|without)\s+(?:errors?|failures?)\b)/gi;

/**
 * Severity of a line in a log that has no severity field, the way CMTrace colours non-CCM
 * logs: "error" (and "fail", as in "failed" / "Failed to") make it an error, "warn" a
 * warning. Words only match at their start, so `ansi_warnings` in SQL text is no warning,
 * and counts of zero ("errors = 0", "no errors") are taken out first.
 */
export function severityFromText(text: string, from: number, to: number): number {
  let slice = text.slice(from, to);
  // Unlike CMTrace, "Updates found = 3, errors = 0" is no error; only pay for the cleanup when a word matched.
  if (ERROR_WORDS.test(slice)) {
    slice = slice.replace(NO_FAILURE, '');
    if (ERROR_WORDS.test(slice)) return ERROR;
  }
  return WARNING_WORDS.test(slice) ? WARNING : INFO;
}

/**
 * Walks the complete lines of a text. A line is complete when its line break is known:
 * a trailing CR may be the first half of a CRLF, so it only ends a line once the next
 * character is there (or the text is final).
 */
export class LineReader {
  /** The current line: content [start, end); the next line starts at `next`. */
  start = 0;
  end = 0;
  next = 0;
  private nextLf: number;
  private nextCr: number;

  constructor(
    private readonly text: string,
    from: number,
    private readonly final: boolean,
  ) {
    this.next = from;
    this.nextLf = -2;
    this.nextCr = -2;
  }

  /** Moves to the next complete line; false when there is none. */
  read(): boolean {
    const text = this.text;
    const from = this.next;
    if (from >= text.length) return false;
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = text.indexOf('\n', from);
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = text.indexOf('\r', from);
    const lf = this.nextLf;
    const cr = this.nextCr;
    let end: number;
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      end = cr;
      if (cr + 1 < text.length) next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      else if (this.final) next = cr + 1;
      else return false;
    } else if (lf >= 0) {
      end = lf;
      next = lf + 1;
    } else if (this.final) {
      end = text.length;
      next = text.length;
    } else {
      return false;
    }
    this.start = from;
    this.end = end;
    this.next = next;
    return true;
  }
}
