import { ERROR, INFO, WARNING } from '../recordColumns';
import { parseClock, parseDate } from '../time';
import { LineScanner } from './lineScanners';
import { skipWhitespace, trimEnd } from './scanner';

const DAY_MS = 86_400_000;
const SLASH = 47;
/** `>>>  Section start 2015/11/22 18:01:10.123`, `<<<  Section end ...`, `[Boot Session: ...]`. */
const SECTION_TIME = /^(?:>>>\s+Section start|<<<\s+Section end|\[Boot Session:) (\d{4}\/\d{2}\/\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})/;
/** `dvi: {Build Driver List} 17:59:28.176`: a time of day at the end of a line. */
const TRAILING_CLOCK = /(\d{2}:\d{2}:\d{2}\.\d{3})$/;
/** `     dvi: ...`, `!    inf: ...`, `!!!  sig: ...`: the area of the driver stack. */
const AREA = /^([a-z]{3}):\s*/;

/**
 * setupapi.dev.log: one record per non-blank line. `!!!` lines are errors, `!` lines
 * warnings, and an `[Exit status: FAILURE...]` line is an error. Only section starts and
 * ends carry a date; other lines get the latest time of their section (a trailing time of
 * day, when the line has one, on the section's date).
 */
export class SetupApiScanner extends LineScanner {
  /** Wall-clock ms at midnight of the current section's date, NaN before the first. */
  private sectionDay = NaN;
  /** Latest time seen in the current section. */
  private currentMs = NaN;

  protected line(text: string, start: number, end: number): void {
    const from = skipWhitespace(text, start, end);
    const to = trimEnd(text, from, end);
    if (from >= to) return;
    const line = text.slice(from, to);
    const draft = this.draft.reset();
    draft.start = from;
    draft.end = to;
    let messageStart = from;
    let severity = INFO;
    const section = SECTION_TIME.exec(line);
    if (section) {
      this.sectionDay = parseDate(section[1], 0, 10, 'ymd', SLASH);
      this.currentMs = this.sectionDay + parseClock(section[2], 0, section[2].length);
    } else {
      if (line.startsWith('!!!')) severity = ERROR;
      else if (line.startsWith('!')) severity = WARNING;
      else if (/^<<<\s+\[Exit status: FAILURE/.test(line)) severity = ERROR;
      const marker = /^(?:!!!|!|>>>|<<<)?\s*/.exec(line);
      const afterMarker = marker ? marker[0].length : 0;
      const area = AREA.exec(line.slice(afterMarker));
      if (area) {
        draft.componentStart = from + afterMarker;
        draft.componentEnd = draft.componentStart + area[1].length;
      }
      messageStart = from + afterMarker + (area ? area[0].length : 0);
      const clock = TRAILING_CLOCK.exec(line);
      if (clock && !Number.isNaN(this.sectionDay)) {
        let ms = this.sectionDay + parseClock(clock[1], 0, clock[1].length);
        // A section that runs past midnight: its later times are on the next day.
        if (ms < this.currentMs - DAY_MS / 2) ms += DAY_MS;
        if (!Number.isNaN(ms)) this.currentMs = ms;
      }
    }
    draft.severity = severity;
    draft.messageStart = Math.min(messageStart, to);
    draft.messageEnd = to;
    draft.localMs = this.currentMs;
    this.store.add(draft);
  }
}
