import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { CmTraceWriter, formatCmTraceLine } from '../../../src/core/lab/clients/cmtraceWriter';
import { tempDir } from './support/fixture';

describe('lab CMTrace writer', () => {
  const entry = { message: 'Requesting Machine policy assignments', component: 'PolicyAgent_RequestAssignments', type: 1 as const, thread: 4242, file: 'policyagent.cpp:356' };

  it('formats the exact CMTrace record with the Windows bias sign', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Europe/London';
      // 2025-07-01 09:05:03.007 UTC is 10:05:03.007 BST (UTC+1): Windows bias -60.
      assert.equal(
        formatCmTraceLine(entry, new Date(Date.UTC(2025, 6, 1, 9, 5, 3, 7))),
        '<![LOG[Requesting Machine policy assignments]LOG]!><time="10:05:03.007-60" date="07-01-2025" component="PolicyAgent_RequestAssignments" context="" type="1" thread="4242" file="policyagent.cpp:356">\r\n',
      );
      process.env.TZ = 'America/New_York';
      assert.match(formatCmTraceLine(entry, new Date(Date.UTC(2025, 6, 1, 9, 5, 3, 7))), /time="05:05:03\.007\+240" date="07-01-2025"/);
      process.env.TZ = 'UTC';
      assert.match(formatCmTraceLine(entry, new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6))), /time="03:04:05\.006\+000" date="01-02-2025"/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('rolls a log over to .lo_ when it would pass the cap, each file starting with a BOM', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'Logs', 'AppEnforce.log');
      const writer = new CmTraceWriter(2048);
      for (let i = 0; i < 20; i++) await writer.append(file, [{ ...entry, message: `line ${i} ${'x'.repeat(100)}` }], new Date());
      const current = readFileSync(file);
      const previous = readFileSync(path.join(dir, 'Logs', 'AppEnforce.lo_'));
      for (const b of [current, previous]) {
        assert.deepEqual([...b.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        assert.ok(b.length <= 2048);
      }
      assert.match(current.toString('utf8'), /line 19 /);
      assert.doesNotMatch(current.toString('utf8'), /line 0 /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
