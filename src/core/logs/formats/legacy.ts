import type { RecordStore } from '../recordStore';
import { NO_BIAS, fractionMs, wallClockMs } from '../time';
import { LineScanner } from './lineScanners';
import { severityFromText, skipWhitespace, trimEnd } from './scanner';

/**
 * The trailer of a legacy ("simple") SMS trace line, from `$$<` to the end of the line:
 * `$$<SMS_COLLECTION_EVALUATOR><11-30-2022 01:08:33.184-60><thread=4844 (0x12EC)>`, or the
 * SMS 2.0 form `$$<Comp><Fri Oct 15 17:09:46.507 1999 Pacific Daylight Time><thread=E1>`.
 */
const TRAILER =
  /^\$\$<([^>]*)><(?:(\d{1,2})-(\d{1,2})-(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:([+-])(-?)(\d{1,4}))?|[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? (\d{4})[^>]*)><thread=([0-9A-Fa-f]+)(?: \(0x[0-9A-Fa-f]+\))?>\s*$/d;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Site-server logs in the legacy format: `message $$<component><MM-DD-YYYY HH:MM:SS.mmm+bias><thread=N (0xN)>`,
 * one record per line. No severity field: it comes from the words of the message, as
 * CMTrace does. A line without the trailer is text outside any record (a fragment).
 */
export class LegacyScanner extends LineScanner {
  protected line(text: string, start: number, end: number): void {
    const line = text.slice(start, end);
    const at = line.lastIndexOf('$$<');
    const m = at >= 0 ? TRAILER.exec(line.slice(at)) : null;
    if (!m) {
      this.addUntimed(text, start, end, true);
      return;
    }
    const draft = this.draft.reset();
    const store: RecordStore = this.store;
    const messageStart = skipWhitespace(text, start, start + at);
    const messageEnd = trimEnd(text, messageStart, start + at);
    draft.start = start;
    draft.end = trimEnd(text, start, end);
    draft.messageStart = messageStart;
    draft.messageEnd = messageEnd;
    // Group spans are relative to the trailer, which starts at `start + at`.
    const offset = start + at;
    const indices = m.indices;
    if (indices?.[1]) [draft.componentStart, draft.componentEnd] = [offset + indices[1][0], offset + indices[1][1]];
    if (indices?.[19]) [draft.threadStart, draft.threadEnd] = [offset + indices[19][0], offset + indices[19][1]];
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
    store.add(draft);
  }
}
