import * as assert from 'node:assert/strict';
import { severityFromText } from '../../../src/core/logs/formats/scanner';
import { ERROR, INFO, WARNING } from '../../../src/core/logs/recordColumns';

const severityOf = (line: string): number => severityFromText(line, 0, line.length);

describe('severity of lines in logs without a severity field', () => {
  it('reads error, fail and warn at the start of a word, as CMTrace colours such logs', () => {
    assert.equal(severityOf('Failed to find updates with error code 8024402c'), ERROR);
    assert.equal(severityOf('*FAILED* [80244018] Synchronization'), ERROR);
    assert.equal(severityOf('WARNING: Exit code = 0x8024402C'), WARNING);
    assert.equal(severityOf('set ansi_warnings on'), INFO);
    assert.equal(severityOf('Processed 12 items'), INFO);
  });

  it('does not call a count of zero or a negation a failure', () => {
    assert.equal(severityOf('Installation succeeded with errors = 0'), INFO);
    assert.equal(severityOf('Updates found = 3, failed = 0'), INFO);
    assert.equal(severityOf('Completed with 0 errors'), INFO);
    assert.equal(severityOf('Finished without errors'), INFO);
    assert.equal(severityOf('no errors were found'), INFO);
    // WindowsUpdate.log (Windows 10) writes this for every progress callback.
    assert.equal(severityOf('WU client calls back to download call {EE161278} with code Call progress and error 0'), INFO);
  });

  it('still sees the failure next to a count of zero', () => {
    assert.equal(severityOf('errors = 0, then Failed to commit 0x80070005'), ERROR);
    assert.equal(severityOf('errors = 02'), ERROR, 'not a zero count');
    assert.equal(severityOf('failed = 0.5%'), ERROR, 'a fraction is not zero');
    assert.equal(severityOf('and error 0x80070005'), ERROR, 'a code that starts with 0 is no zero count');
    assert.equal(severityOf('failed 00:00:05 ago'), ERROR, 'a time is no zero count');
  });
});
