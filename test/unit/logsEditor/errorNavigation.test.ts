import * as assert from 'node:assert/strict';
import { findErrorRecord, type SeverityIndex } from '../../../src/core/logs/editor/errorNavigation';
import type { Severity } from '../../../src/core/logs/types';

/** Records as [first line, severity]. */
function store(records: Array<[number, Severity]>): SeverityIndex {
  return { recordCount: records.length, lineAt: (i) => records[i][0], severityAt: (i) => records[i][1] };
}

describe('next / previous error record', () => {
  // A two-line error record on lines 4-5, another error on line 9.
  const log = store([
    [1, 'info'],
    [2, 'warning'],
    [4, 'error'],
    [6, 'info'],
    [9, 'error'],
    [10, 'info'],
  ]);

  it('moves forward to the next error record after the cursor line', () => {
    assert.deepEqual(findErrorRecord(log, 1, 1), { index: 2, line: 4, wrapped: false });
    assert.deepEqual(findErrorRecord(log, 4, 1), { index: 4, line: 9, wrapped: false });
    assert.deepEqual(findErrorRecord(log, 5, 1), { index: 4, line: 9, wrapped: false }, 'from inside the record on 4-5');
  });

  it('comes round to the first error after the last one', () => {
    assert.deepEqual(findErrorRecord(log, 9, 1), { index: 2, line: 4, wrapped: true });
  });

  it('moves back, and comes round to the last error before the first one', () => {
    assert.deepEqual(findErrorRecord(log, 9, -1), { index: 2, line: 4, wrapped: false });
    assert.deepEqual(findErrorRecord(log, 10, -1), { index: 4, line: 9, wrapped: false });
    assert.deepEqual(findErrorRecord(log, 4, -1), { index: 4, line: 9, wrapped: true });
  });

  it('finds nothing in a log without errors', () => {
    assert.equal(findErrorRecord(store([[1, 'info'], [2, 'warning']]), 1, 1), undefined);
    assert.equal(findErrorRecord(store([]), 1, -1), undefined);
  });
});
