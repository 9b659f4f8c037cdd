import { ERROR, WARNING, type RecordDraft } from '../recordColumns';
import type { RecordStore } from '../recordStore';
import { fractionMs, wallClockMs } from '../time';
import { ContinuationScanner } from './lineScanners';
import { severityFromText, trimEnd } from './scanner';

/** `2021-08-28\t03:07:48:216\t 648\t13bc\tService\tmessage` (Windows XP ... 8.1). */
const LEGACY_LINE = /(\d{4})-(\d{2})-(\d{2})\t(\d{2}):(\d{2}):(\d{2}):(\d{3})\t *\d+\t *([0-9A-Fa-f]+)\t([^\t\r\n]*)\t/dy;

/** `2021/07/13 10:22:58.9553434 3696  8172  Agent           message` (Get-WindowsUpdateLog). */
const DECODED_LINE = /(\d{4})[/-](\d{2})[/-](\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,7}) +\d+ +(\d+) +(\S+) */dy;

/**
 * Fills the draft from a matched line. Times are local with no zone. Severity: the
 * agent's own `FATAL`/`WARNING` markers (legacy log), otherwise the words of the message.
 */
function fill(text: string, start: number, end: number, m: RegExpExecArray, messageStart: number, draft: RecordDraft): void {
  draft.localMs = wallClockMs(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fractionMs(m[7], 0, m[7].length));
  const indices = m.indices;
  if (indices?.[8]) [draft.threadStart, draft.threadEnd] = indices[8];
  if (indices?.[9]) [draft.componentStart, draft.componentEnd] = indices[9];
  const messageEnd = Math.max(trimEnd(text, messageStart, end), messageStart);
  draft.start = start;
  draft.end = Math.max(messageEnd, trimEnd(text, start, messageStart));
  draft.messageStart = messageStart;
  draft.messageEnd = messageEnd;
  const message = text.slice(messageStart, messageEnd);
  if (message.includes('FATAL')) draft.severity = ERROR;
  else if (message.includes('WARNING:')) draft.severity = WARNING;
  else draft.severity = severityFromText(message, 0, message.length);
}

export function parseWindowsUpdateLegacyHeader(text: string, start: number, end: number, draft: RecordDraft): boolean {
  LEGACY_LINE.lastIndex = start;
  const m = LEGACY_LINE.exec(text);
  if (!m || LEGACY_LINE.lastIndex > end) return false;
  fill(text, start, end, m, LEGACY_LINE.lastIndex, draft);
  return true;
}

export function parseWindowsUpdate10Header(text: string, start: number, end: number, draft: RecordDraft): boolean {
  DECODED_LINE.lastIndex = start;
  const m = DECODED_LINE.exec(text);
  if (!m || DECODED_LINE.lastIndex > end) return false;
  fill(text, start, end, m, DECODED_LINE.lastIndex, draft);
  return true;
}

export function createWindowsUpdateLegacyScanner(store: RecordStore): ContinuationScanner {
  return new ContinuationScanner(store, parseWindowsUpdateLegacyHeader);
}

export function createWindowsUpdate10Scanner(store: RecordStore): ContinuationScanner {
  return new ContinuationScanner(store, parseWindowsUpdate10Header);
}
