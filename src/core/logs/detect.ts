import { skipWhitespace } from './formats/scanner';
import type { LogFormat } from './types';

/** Detection reads at most this much text from the start of a log. */
export const DETECT_SAMPLE_CHARS = 64 * 1024;
/** ... and, when the first line does not decide, votes over this many non-blank lines. */
const SAMPLE_LINES = 50;

const CMTRACE_START = '<![LOG[';

/** Per-line signatures, in order of preference when two formats tie. */
const SIGNATURES: ReadonlyArray<readonly [LogFormat, RegExp]> = [
  ['cmtrace', /<!\[LOG\[|\]LOG\]!><time="/],
  ['legacy', /\$\$<[^>]*><(?:\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}|[A-Z][a-z]{2} [A-Z][a-z]{2} )[^>]*><thread=[0-9A-Fa-f]+/],
  ['panther', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, [A-Za-z]/],
  ['windowsupdate', /^\d{4}-\d{2}-\d{2}\t\d{2}:\d{2}:\d{2}:\d{3}\t/],
  ['windowsupdate10', /^\d{4}[/-]\d{2}[/-]\d{2} \d{2}:\d{2}:\d{2}\.\d{7} +\d+ +\d+ /],
  ['setupapi', /^(?:\[Device Install Log\]|\[Boot Session: \d{4}\/|>>> {2}[[S]|<<< {2}[[S]|!!! {2}[a-z]{3}:)/],
  ['iis', /^#(?:Software: Microsoft Internet Information Services|Fields: |Version: \d)/],
];

/**
 * Detects a log's format from its content (never its name). Decides on the first non-blank
 * line when it is typical of one format, else by a vote over the first lines. Returns
 * undefined while the text seen so far is too short to decide and more may come: the
 * answer only ever depends on a fixed prefix of the log, so it does not change with the
 * way the log arrives in chunks.
 */
export function detectFormat(text: string, final = true): LogFormat | undefined {
  const length = text.length;
  const complete = final || length >= DETECT_SAMPLE_CHARS;
  const sampleEnd = Math.min(length, DETECT_SAMPLE_CHARS);
  const first = skipWhitespace(text, 0, sampleEnd);
  if (text.startsWith(CMTRACE_START, first)) return 'cmtrace';
  const firstEnd = lineEnd(text, first, sampleEnd);
  if (firstEnd < 0 && !complete) return undefined;
  const firstLine = text.slice(first, firstEnd < 0 ? sampleEnd : firstEnd);
  for (const [format, signature] of SIGNATURES) if (signature.test(firstLine)) return format;

  const lines: string[] = [];
  let p = first;
  while (p < sampleEnd && lines.length < SAMPLE_LINES) {
    const end = lineEnd(text, p, sampleEnd);
    if (end < 0) {
      if (final && length <= DETECT_SAMPLE_CHARS) lines.push(text.slice(p, sampleEnd));
      break;
    }
    if (end > p) lines.push(text.slice(p, end));
    p = skipWhitespace(text, end, sampleEnd);
  }
  if (lines.length < SAMPLE_LINES && !complete) return undefined;
  let best: LogFormat = 'plain';
  let bestCount = 0;
  for (const [format, signature] of SIGNATURES) {
    let count = 0;
    for (const line of lines) if (signature.test(line)) count++;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  return best;
}

/** Position of the first line break at or after `from` before `to`, or -1. */
function lineEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/**
 * Whether the first bytes of a file look like a binary file rather than a text log:
 * NUL bytes (outside UTF-16, which has a BOM) or many control characters.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > head.length / 10;
}

/** Whether a text file in a scanned folder looks like a log: a known format, or times of day. */
export function looksLikeLog(format: LogFormat, sample: string): boolean {
  return format !== 'plain' || /\b\d{1,2}:\d{2}:\d{2}\b/.test(sample);
}
