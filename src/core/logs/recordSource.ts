import type { LogEntry, LogFormat, Severity } from './types';

/**
 * Read access to the records of one parsed log, as the knowledge base needs it.
 * Implemented by the parser's record store; records are addressed by index.
 */
export interface RecordSource {
  /** Base name of the file (`smsts.log`), matched against a rule's `files`. */
  readonly fileName: string;
  /** Full path or URI string, for related information. */
  readonly path: string;
  readonly format: LogFormat;
  readonly recordCount: number;
  severityAt(index: number): Severity;
  /** Materialises one record (message text, times, line numbers). */
  entry(index: number): LogEntry;
  /**
   * Indexes, ascending and each once, of the records in [from, to) whose raw text
   * matches `pattern`. The pattern must have the `g` flag; the store runs it once over
   * its text instead of once per record, which is what keeps a 100 MB scan fast.
   */
  recordsMatching(pattern: RegExp, from: number, to: number): number[];
}
