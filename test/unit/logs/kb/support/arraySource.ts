import type { RecordSource } from '../../../../../src/core/logs/recordSource';
import type { LogEntry, LogFormat, Severity } from '../../../../../src/core/logs/types';

/** A record to put in a test log: a message (info), or a message with its severity and component. */
export type TestRecord = string | { message: string; severity?: Severity; component?: string };

/**
 * Builds LogEntry objects as a CMTrace parser would: one record after the other, the message
 * starting at column 7 (after `<![LOG[`), multi-line messages spanning several lines.
 */
export function entriesOf(records: ReadonlyArray<TestRecord>): LogEntry[] {
  let line = 1;
  return records.map((r, index) => {
    const record = typeof r === 'string' ? { message: r } : r;
    const breaks = record.message.match(/\r\n|\r|\n/g)?.length ?? 0;
    const entry: LogEntry = {
      index,
      line,
      endLine: line + breaks,
      localTime: null,
      utc: null,
      utcMs: null,
      localMs: null,
      biasMinutes: null,
      component: record.component ?? 'TSManager',
      thread: '1234',
      severity: record.severity ?? 'info',
      message: record.message,
      kind: 'record',
      messageColumn: 7,
    };
    line += breaks + 1;
    return entry;
  });
}

/**
 * A RecordSource over an array, standing in for the parser's record store. It counts
 * materialisations and regex passes so tests can check the diagnoser's access pattern.
 */
export class ArrayRecordSource implements RecordSource {
  entryCalls = 0;
  matchingCalls = 0;
  readonly entries: LogEntry[];

  constructor(
    readonly fileName: string,
    records: ReadonlyArray<TestRecord> | LogEntry[],
    readonly path = `C:/logs/${fileName}`,
    readonly format: LogFormat = 'cmtrace',
  ) {
    this.entries = isEntries(records) ? records : entriesOf(records);
  }

  get recordCount(): number {
    return this.entries.length;
  }

  severityAt(index: number): Severity {
    return this.entries[index].severity;
  }

  entry(index: number): LogEntry {
    this.entryCalls++;
    return this.entries[index];
  }

  recordsMatching(pattern: RegExp, from: number, to: number): number[] {
    if (!pattern.global) throw new Error('recordsMatching needs a global pattern');
    this.matchingCalls++;
    const out: number[] = [];
    for (let i = from; i < Math.min(to, this.entries.length); i++) {
      pattern.lastIndex = 0;
      const e = this.entries[i];
      if (pattern.test(`${e.message} component="${e.component}"`)) out.push(i);
    }
    pattern.lastIndex = 0;
    return out;
  }

  /** Appends records (a log that grows while tailed). */
  append(records: ReadonlyArray<TestRecord>): void {
    const last = this.entries[this.entries.length - 1];
    const more = entriesOf(records).map((e, i) => ({
      ...e,
      index: this.entries.length + i,
      line: e.line + (last?.endLine ?? 0),
      endLine: e.endLine + (last?.endLine ?? 0),
    }));
    this.entries.push(...more);
  }
}

function isEntries(records: ReadonlyArray<TestRecord> | LogEntry[]): records is LogEntry[] {
  return records.length > 0 && typeof records[0] === 'object' && 'messageColumn' in (records[0] as object);
}
