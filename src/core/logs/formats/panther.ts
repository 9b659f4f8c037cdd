import { ERROR, INFO, WARNING, type RecordDraft } from '../recordColumns';
import type { RecordStore } from '../recordStore';
import { parseClock, parseDate } from '../time';
import { ContinuationScanner } from './lineScanners';
import { trimEnd } from './scanner';

const STAMP = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, /y;
const LEVEL = /([A-Za-z]+(?: Error)?) *(?:\[0x[0-9A-Fa-f]+\] *)?/y;
/** Column where the component field starts in column-aligned lines. */
const COMPONENT_COLUMN = 43;
const COMPONENT_WIDTH = 6;

/**
 * Windows Setup "Panther" layout, shared by setupact.log, setuperr.log, CBS.log and dism.log:
 * `2019-03-29 00:32:48, Error      [0x0606ae] IBS    message`. Local time, no zone.
 */
export function parsePantherHeader(text: string, start: number, end: number, draft: RecordDraft): boolean {
  if (end - start < 21) return false;
  STAMP.lastIndex = start;
  if (!STAMP.test(text)) return false;
  LEVEL.lastIndex = start + 21;
  const level = LEVEL.exec(text);
  if (!level || LEVEL.lastIndex > end) return false;
  let p = LEVEL.lastIndex;
  if (p - start === COMPONENT_COLUMN) {
    let tokenEnd = p;
    while (tokenEnd < end && text.charCodeAt(tokenEnd) !== 32) tokenEnd++;
    if (tokenEnd - p <= COMPONENT_WIDTH) {
      draft.componentStart = p;
      draft.componentEnd = tokenEnd;
      p = tokenEnd;
      while (p < end && text.charCodeAt(p) === 32) p++;
    }
  }
  const messageEnd = trimEnd(text, p, end);
  draft.start = start;
  draft.end = Math.max(messageEnd, start + 20);
  draft.messageStart = p;
  draft.messageEnd = Math.max(messageEnd, p);
  draft.localMs = parseDate(text, start, start + 10, 'ymd', 45) + parseClock(text, start + 11, start + 19);
  draft.severity = levelSeverity(level[1]);
  return true;
}

function levelSeverity(level: string): number {
  if (level === 'Error' || level === 'Fatal Error') return ERROR;
  return level === 'Warning' ? WARNING : INFO;
}

export function createPantherScanner(store: RecordStore): ContinuationScanner {
  return new ContinuationScanner(store, parsePantherHeader);
}
