import { RecordDraft } from '../recordColumns';
import type { RecordStore } from '../recordStore';
import type { LogFormat } from '../types';
import { LineReader, severityFromText, skipWhitespace, startsCmtraceRecord, trimEnd, type FormatScanner } from './scanner';

/** For formats with one record per physical line: calls `line` for each complete line. */
export abstract class LineScanner implements FormatScanner {
  protected readonly draft = new RecordDraft();
  handOff: LogFormat | undefined;

  constructor(protected readonly store: RecordStore) {}

  scan(text: string, final: boolean): number {
    const reader = new LineReader(text, 0, final);
    let consumed = 0;
    while (reader.read()) {
      const { start, end } = reader;
      if (startsCmtraceRecord(text, start, end)) {
        this.handOff = 'cmtrace';
        return start;
      }
      this.line(text, start, end);
      consumed = reader.next;
    }
    return consumed;
  }

  /** Handles the line text[start, end) (without its line break). */
  protected abstract line(text: string, start: number, end: number): void;

  /** Adds text[start, end) (trimmed) as a record or fragment without time, severity from its words. */
  protected addUntimed(text: string, start: number, end: number, fragment: boolean): void {
    const from = skipWhitespace(text, start, end);
    const to = trimEnd(text, from, end);
    if (from >= to) return;
    const draft = this.draft.reset();
    draft.start = draft.messageStart = from;
    draft.end = draft.messageEnd = to;
    draft.fragment = fragment;
    draft.severity = severityFromText(text, from, to);
    this.store.add(draft);
  }
}

/** Fallback for text logs of no known format: one record per non-blank line. */
export class PlainScanner extends LineScanner {
  protected line(text: string, start: number, end: number): void {
    this.addUntimed(text, start, end, false);
  }
}

/**
 * Reads the first line of a record into the draft (times, severity, component, message
 * start); returns false when the line does not start a record.
 */
export type HeaderParser = (text: string, start: number, end: number, draft: RecordDraft) => boolean;

/**
 * Formats whose records start with a timestamped line and may go on over lines without
 * one (Panther setupact/CBS/DISM, WindowsUpdate.log). A record is complete only when the
 * next one starts, so the last record is held until more text comes or the text is final.
 * Blank lines end up inside a record only when a continuation line follows them.
 */
export class ContinuationScanner implements FormatScanner {
  private current = new RecordDraft();
  private next = new RecordDraft();
  private readonly fragment = new RecordDraft();
  handOff: LogFormat | undefined;

  constructor(
    private readonly store: RecordStore,
    private readonly parseHeader: HeaderParser,
  ) {}

  scan(text: string, final: boolean): number {
    const reader = new LineReader(text, 0, final);
    let consumed = 0;
    let pending = false;
    while (reader.read()) {
      const { start, end } = reader;
      if (this.parseHeader(text, start, end, this.next.reset())) {
        if (pending) this.store.add(this.current);
        [this.current, this.next] = [this.next, this.current];
        pending = true;
        consumed = start;
        continue;
      }
      if (startsCmtraceRecord(text, start, end)) {
        if (pending) this.store.add(this.current);
        this.handOff = 'cmtrace';
        return start;
      }
      const contentEnd = trimEnd(text, start, end);
      if (pending) {
        if (contentEnd > start) this.current.end = this.current.messageEnd = contentEnd;
        continue;
      }
      if (contentEnd > start) this.addFragment(text, start, contentEnd);
      consumed = reader.next;
    }
    if (!pending) return consumed;
    if (!final) return consumed;
    this.store.add(this.current);
    return text.length;
  }

  /** A line before the first record: text outside any record. */
  private addFragment(text: string, start: number, end: number): void {
    const from = skipWhitespace(text, start, end);
    const draft = this.fragment.reset();
    draft.start = draft.messageStart = from;
    draft.end = draft.messageEnd = end;
    draft.fragment = true;
    draft.severity = severityFromText(text, from, end);
    this.store.add(draft);
  }
}
