import type { Severity } from '../types';

/** The part of a record store that error navigation reads. */
export interface SeverityIndex {
  readonly recordCount: number;
  severityAt(index: number): Severity;
  /** 1-based first line of a record. */
  lineAt(index: number): number;
}

export interface ErrorTarget {
  /** Record index of the error. */
  index: number;
  /** 1-based line the record starts on. */
  line: number;
  /** The search went past the end (or the start) and came round. */
  wrapped: boolean;
}

/**
 * The next (direction 1) or previous (-1) record that the log itself marks as an error,
 * seen from 1-based `line`: next = the first error record starting after that line,
 * previous = the last one starting before it. Comes round at the end; undefined when the
 * log has no error record.
 */
export function findErrorRecord(store: SeverityIndex, line: number, direction: 1 | -1): ErrorTarget | undefined {
  const count = store.recordCount;
  const isError = (i: number): boolean => store.severityAt(i) === 'error';
  if (direction === 1) {
    for (let i = firstStartingAfter(store, line); i < count; i++) if (isError(i)) return { index: i, line: store.lineAt(i), wrapped: false };
    for (let i = 0; i < count; i++) if (isError(i)) return { index: i, line: store.lineAt(i), wrapped: true };
    return undefined;
  }
  for (let i = firstStartingAfter(store, line - 1) - 1; i >= 0; i--) if (isError(i)) return { index: i, line: store.lineAt(i), wrapped: false };
  for (let i = count - 1; i >= 0; i--) if (isError(i)) return { index: i, line: store.lineAt(i), wrapped: true };
  return undefined;
}

/** Index of the first record whose first line is after `line` (binary search: lines ascend). */
function firstStartingAfter(store: SeverityIndex, line: number): number {
  let lo = 0;
  let hi = store.recordCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (store.lineAt(mid) <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
