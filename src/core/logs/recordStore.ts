import { win32 } from 'node:path';
import { LineCounter } from './lineCounter';
import { RecordColumns, SEVERITY_NAMES, type RecordDraft } from './recordColumns';
import type { RecordSource } from './recordSource';
import { NO_BIAS as NO_BIAS_VALUE, formatLocalTime, formatUtc } from './time';
import type { LogEncoding, LogEntry, LogFormat, Severity, SeverityCounts } from './types';

/** A piece of the decoded text; records never straddle two segments. */
interface TextSegment {
  /** Global offset of text[0]. */
  start: number;
  text: string;
}

// Read once: under tsx (CommonJS) each access to an imported binding is a getter call.
const SEVERITIES = SEVERITY_NAMES;
const NO_BIAS = NO_BIAS_VALUE;

/** Small consecutive pushes (live tail) are merged into one segment up to this size. */
const MERGE_BELOW = 64 * 1024;

/**
 * The parsed records of one log: columns of numbers plus the decoded text, kept in
 * segments (a 2 GB log cannot be one JS string). `LogEntry` objects are built only when
 * asked for (`entry(i)`). Filled by `LogParser`; read by the knowledge base through
 * `RecordSource`.
 */
export class RecordStore implements RecordSource {
  readonly fileName: string;
  format: LogFormat = 'plain';
  encoding: LogEncoding = 'utf-8';
  private readonly columns = new RecordColumns();
  private readonly severityCounts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  private readonly segments: TextSegment[] = [];
  private readonly lines = new LineCounter();
  private workingText = '';
  private workingOffset = 0;
  private lastSegment = 0;

  constructor(readonly path: string = '') {
    this.fileName = path ? pathBaseName(path) : '';
  }

  get recordCount(): number {
    return this.columns.length;
  }

  /** Physical lines in the text parsed so far. */
  get lineCount(): number {
    return this.lines.line;
  }

  /** Characters of decoded text parsed so far. */
  get textLength(): number {
    return this.workingOffset;
  }

  get counts(): SeverityCounts {
    return { ...this.severityCounts };
  }

  severityAt(index: number): Severity {
    return SEVERITIES[this.columns.severity(index)];
  }

  lineAt(index: number): number {
    return this.columns.line(index);
  }

  endLineAt(index: number): number {
    return this.columns.endLine(index);
  }

  /** Wall-clock time read as UTC (ms), NaN when the record has none: orders a log without a zone. */
  localMsAt(index: number): number {
    return this.columns.localMs(index);
  }

  /** Component of a record ('' when the format has none), without building the entry. */
  componentAt(index: number): string {
    const { block: b, k } = this.columns.at(index);
    return this.textAt(b.start[k] + b.componentFrom[k], b.componentLength[k]);
  }

  /** UTC ms (NaN when unknown), for merging logs without materialising entries. */
  utcMsAt(index: number): number {
    return this.columns.utcMs(index);
  }

  /** Index of the record covering 1-based `line`, or of the first record after it; -1 past the end. */
  indexAtLine(line: number): number {
    const columns = this.columns;
    let lo = 0;
    let hi = columns.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (columns.endLine(mid) < line) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.columns.length ? lo : -1;
  }

  /** Global text offsets [start, end) of a record's raw text. */
  span(index: number): { start: number; end: number } {
    return { start: this.columns.start(index), end: this.columns.end(index) };
  }

  /** The raw text of a record as it is in the file (decoded). */
  rawText(index: number): string {
    return this.textBetween(this.columns.start(index), this.columns.end(index));
  }

  entry(index: number): LogEntry {
    const columns = this.columns;
    if (!(index >= 0 && index < columns.length)) throw new RangeError(`record ${index} of ${columns.length}`);
    const { block: b, k } = columns.at(index);
    const start = b.start[k];
    const fragment = columns.isFragment(b, k);
    const localMs = b.localMs[k];
    const utcMs = columns.utcMs(index);
    const bias = b.bias[k];
    const entry: LogEntry = {
      index,
      line: b.line[k],
      endLine: b.endLine[k],
      localTime: formatLocalTime(localMs),
      utc: formatUtc(utcMs),
      utcMs: Number.isNaN(utcMs) ? null : utcMs,
      localMs: Number.isNaN(localMs) ? null : localMs,
      biasMinutes: bias === NO_BIAS ? null : bias,
      component: this.textAt(start + b.componentFrom[k], b.componentLength[k]),
      thread: this.textAt(start + b.threadFrom[k], b.threadLength[k]),
      severity: SEVERITIES[b.flags[k] & 3],
      message: renderMessage(this.textBetween(start + b.messageFrom[k], start + b.messageTo[k]), columns.hasTildeBreaks(b, k)),
      kind: fragment ? 'fragment' : 'record',
      messageColumn: b.messageColumn[k],
    };
    const sourceFileLength = b.sourceFileLength[k];
    if (sourceFileLength !== 0) entry.sourceFile = this.textAt(start + b.sourceFileFrom[k], sourceFileLength);
    return entry;
  }

  recordsMatching(pattern: RegExp, from: number, to: number): number[] {
    const c = this.columns;
    const first = Math.max(0, from);
    const last = Math.min(to, c.length);
    const found: number[] = [];
    if (first >= last) return found;
    const global = pattern.global && !pattern.sticky ? pattern : new RegExp(pattern.source, pattern.flags.replace('y', '') + (pattern.global ? '' : 'g'));
    let single: RegExp | undefined;
    const matchesAlone = (i: number): boolean => {
      single ??= new RegExp(global.source, global.flags.replace('g', ''));
      return single.test(this.rawText(i));
    };
    let i = first;
    while (i < last) {
      const segment = this.segmentOf(c.start(i));
      const base = segment.start;
      const text = segment.text;
      const segmentEnd = base + text.length;
      // Records [i, stop) all lie in this segment.
      let stop = i;
      while (stop < last && c.end(stop) <= segmentEnd) stop++;
      const lastEnd = c.end(stop - 1);
      global.lastIndex = c.start(i) - base;
      let r = i;
      let match: RegExpExecArray | null;
      while (r < stop && (match = global.exec(text)) !== null) {
        const at = match.index + base;
        if (at >= lastEnd) break;
        const matchEnd = at + match[0].length;
        while (c.end(r) <= at) r++;
        if (at >= c.start(r) && matchEnd <= c.end(r)) {
          found.push(r);
          // One hit is enough: go on after this record.
          global.lastIndex = c.end(r) - base;
          r++;
          continue;
        }
        // The match runs over a record boundary (or starts between records): decide each
        // record it touches on that record's own text.
        let j = r;
        while (j < stop && c.start(j) < Math.max(matchEnd, at + 1)) {
          if (matchesAlone(j)) found.push(j);
          j++;
        }
        r = j;
        global.lastIndex = r < stop ? c.start(r) - base : text.length + 1;
      }
      i = stop;
    }
    global.lastIndex = 0;
    return found;
  }

  // ---- filled by LogParser -------------------------------------------------------------

  /** Starts adding records found in `text`, which continues the text parsed so far. */
  beginText(text: string): void {
    this.workingText = text;
    this.lines.begin(text, this.workingOffset);
  }

  /** Adds a record; offsets in the draft are positions in the current text, ascending. */
  add(draft: RecordDraft): void {
    const lines = this.lines;
    lines.advanceTo(draft.start);
    const line = lines.line;
    const column = Math.max(0, this.workingOffset + draft.messageStart - lines.lineStart);
    lines.advanceTo(draft.end);
    this.columns.append(draft, this.workingOffset, line, lines.line, column);
    this.severityCounts[SEVERITIES[draft.severity]]++;
  }

  /** Keeps text[0, consumed) as parsed; the parser holds the rest for the next push. */
  endText(consumed: number): void {
    if (consumed <= 0) return;
    this.lines.advanceTo(consumed);
    const text = consumed === this.workingText.length ? this.workingText : this.workingText.slice(0, consumed);
    const last = this.segments[this.segments.length - 1];
    if (last && last.text.length < MERGE_BELOW && text.length < MERGE_BELOW) last.text += text;
    else this.segments.push({ start: this.workingOffset, text });
    this.workingOffset += consumed;
    this.workingText = '';
  }

  // ---- text access -----------------------------------------------------------------------

  private segmentOf(offset: number): TextSegment {
    const segments = this.segments;
    const cached = segments[this.lastSegment];
    if (cached && offset >= cached.start && offset < cached.start + cached.text.length) return cached;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (segments[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastSegment = lo;
    return segments[lo];
  }

  private textAt(from: number, length: number): string {
    return length === 0 ? '' : this.textBetween(from, from + length);
  }

  private textBetween(from: number, to: number): string {
    if (to <= from) return '';
    const segment = this.segmentOf(from);
    return segment.text.slice(from - segment.start, to - segment.start);
  }
}

/**
 * `~` where a legacy server log had a line break, except inside 8.3 short names
 * (`C:\PROGRA~1\`): a letter or digit before it and a digit after it.
 */
const TILDE_BREAK = /(?<![A-Za-z0-9])~|~(?!\d)/g;

function renderMessage(raw: string, tildeBreaks: boolean): string {
  const message = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return tildeBreaks && message.includes('~') ? message.replace(TILDE_BREAK, '\n') : message;
}

function pathBaseName(p: string): string {
  // Windows paths reach the core too (VS Code URIs, UNC shares): split on both separators.
  return win32.basename(p);
}
