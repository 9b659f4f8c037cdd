import { ERROR, INFO, WARNING } from '../recordColumns';
import { parseClock, parseDate } from '../time';
import { LineScanner } from './lineScanners';
import { trimEnd } from './scanner';

/** The IIS 8.5/10 default field set, used until the log states its own `#Fields`. */
const DEFAULT_FIELDS = 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const DASH = 45;

/**
 * IIS W3C extended logs (DP, MP, SUP). `#Fields:` names the columns and may change in the
 * middle of a file; `#Date:` gives the date when no `date` column is logged. Times are UTC.
 * Status 5xx is an error, 4xx a warning.
 */
export class IisScanner extends LineScanner {
  private dateIndex = -1;
  private timeIndex = -1;
  private statusIndex = -1;
  private methodIndex = -1;
  /** Midnight (ms) of the `#Date:` directive. */
  private directiveDay = NaN;

  constructor(...args: ConstructorParameters<typeof LineScanner>) {
    super(...args);
    this.useFields(DEFAULT_FIELDS);
  }

  protected line(text: string, start: number, end: number): void {
    const to = trimEnd(text, start, end);
    if (to <= start) return;
    if (text.charCodeAt(start) === 35 /* # */) {
      this.directive(text.slice(start, to));
      return;
    }
    const line = text.slice(start, to);
    const fields = line.split(' ');
    const draft = this.draft.reset();
    draft.start = start;
    draft.end = to;
    const dateText = fields[this.dateIndex];
    const day = dateText !== undefined ? parseDate(dateText, 0, dateText.length, 'ymd', DASH) : this.directiveDay;
    const timeText = fields[this.timeIndex];
    draft.localMs = timeText !== undefined ? day + parseClock(timeText, 0, timeText.length) : NaN;
    draft.utcBias = 0;
    const status = Number(fields[this.statusIndex]);
    draft.severity = status >= 500 ? ERROR : status >= 400 ? WARNING : INFO;
    const method = fields[this.methodIndex];
    if (method !== undefined && method !== '-') {
      draft.componentStart = start + fieldOffset(fields, this.methodIndex);
      draft.componentEnd = draft.componentStart + method.length;
    }
    // The message is the line after its date and time columns (the request itself).
    let skip = 0;
    while (skip < 2 && (skip === this.dateIndex || skip === this.timeIndex)) skip++;
    let messageStart = start;
    for (let i = 0; i < skip && messageStart < to; i++) messageStart = nextFieldStart(text, messageStart, to);
    draft.messageStart = messageStart;
    draft.messageEnd = to;
    this.store.add(draft);
  }

  private directive(line: string): void {
    if (line.startsWith('#Fields:')) this.useFields(line.slice(8).trim());
    else if (line.startsWith('#Date:')) {
      const value = line.slice(6).trim();
      this.directiveDay = parseDate(value, 0, Math.min(10, value.length), 'ymd', DASH);
    }
  }

  private useFields(list: string): void {
    const names = list.split(/\s+/);
    this.dateIndex = names.indexOf('date');
    this.timeIndex = names.indexOf('time');
    this.statusIndex = names.indexOf('sc-status');
    this.methodIndex = names.indexOf('cs-method');
  }
}

/** Offset in the line of field `index` of a line split on single spaces. */
function fieldOffset(fields: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += fields[i].length + 1;
  return offset;
}

function nextFieldStart(text: string, from: number, to: number): number {
  const space = text.indexOf(' ', from);
  return space < 0 || space >= to ? to : space + 1;
}
