import type { RecordDraft } from '../recordColumns';
import { NO_BIAS, fractionMs, wallClockMs } from '../time';
import { LineScanner } from './lineScanners';
import { severityFromText, skipWhitespace, trimEnd } from './scanner';

/**
 * The trailer of a legacy ("simple") SMS trace line, from `$$<` to the end of the line:
 * `$$<SMS_COLLECTION_EVALUATOR><11-30-2022 01:08:33.184-60><thread=4844 (0x12EC)>`, or the
 * SMS 2.0 forms `$$<Comp><Fri Oct 15 17:09:46.507 1999 Pacific Daylight Time><thread=225 (0xE1)>`
 * and `$$<Comp><Wed May 21 17:09:02 1997~><thread=DB>` (hex thread).
 */
const TRAILER =
  /^\$\$<([^>]*)><(?:(\d{1,2})-(\d{1,2})-(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:([+-])(-?)(\d{1,4}))?|[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? (\d{4})[^>]*)><thread=([0-9A-Fa-f]+)(?: \(0x[0-9A-Fa-f]+\))?>\s*$/d;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads text[start, end), one physical line, as a legacy record into the draft; false when
 * the line has no legacy trailer. Also used by the CMTrace scanner: a component that still
 * writes this format can append to a CMTrace log, and the reverse after an upgrade.
 */
export function parseLegacyLine(text: string, start: number, end: number, draft: RecordDraft): boolean {
  const at = text.lastIndexOf('$$<', end - 3);
  if (at < start) return false;
  const m = TRAILER.exec(text.slice(at, end));
  if (!m) return false;
  draft.reset();
  const messageStart = skipWhitespace(text, start, at);
  const messageEnd = trimEnd(text, messageStart, at);
  draft.start = start;
  draft.end = trimEnd(text, start, end);
  draft.messageStart = messageStart;
  draft.messageEnd = messageEnd;
  draft.tildeBreaks = true;
  // Group spans are relative to the trailer, which starts at `at`.
  const indices = m.indices;
  if (indices?.[1]) [draft.componentStart, draft.componentEnd] = [at + indices[1][0], at + indices[1][1]];
  if (indices?.[19]) [draft.threadStart, draft.threadEnd] = [at + indices[19][0], at + indices[19][1]];
  draft.severity = severityFromText(text, messageStart, messageEnd);
  if (m[4] !== undefined) {
    draft.localMs = wallClockMs(+m[4], +m[2], +m[3], +m[5], +m[6], +m[7], m[8] ? fractionMs(m[8], 0, m[8].length) : 0);
    if (m[9] !== undefined) {
      // Same Windows bias as CMTrace (UTC = local + bias); `+-60` also means -60.
      const bias = (m[9] === '-' || m[10] === '-' ? -1 : 1) * +m[11];
      draft.biasMinutes = draft.utcBias = bias;
    }
  } else {
    const month = MONTHS.indexOf(m[12]) + 1;
    draft.localMs = wallClockMs(+m[18], month, +m[13], +m[14], +m[15], +m[16], m[17] ? fractionMs(m[17], 0, m[17].length) : 0);
    draft.biasMinutes = NO_BIAS;
  }
  return true;
}

/**
 * Site-server logs in the legacy format: `message $$<component><MM-DD-YYYY HH:MM:SS.mmm+bias><thread=N (0xN)>`,
 * one record per line. No severity field: it comes from the words of the message, as
 * CMTrace does. A line without the trailer is text outside any record (a fragment).
 */
export class LegacyScanner extends LineScanner {
  protected line(text: string, start: number, end: number): void {
    if (parseLegacyLine(text, start, end, this.draft)) this.store.add(this.draft);
    else this.addUntimed(text, start, end, true);
  }
}
