import * as assert from 'node:assert/strict';
import { LogParser } from '../../../src/core/logs/logParser';
import { cmtraceLine, entries, parseFixture, parseText } from './logTestSupport';

describe('record store (RecordSource)', () => {
  it('names the file by its base name, for Windows and POSIX paths', () => {
    assert.equal(new LogParser({ path: 'C:\\Windows\\CCM\\Logs\\smsts.log' }).store.fileName, 'smsts.log');
    assert.equal(new LogParser({ path: '/logs/CAS.log' }).store.fileName, 'CAS.log');
  });

  it('counts severities and answers severityAt without building entries', () => {
    const store = parseFixture('cmtrace-times.log');
    assert.deepEqual(store.counts, { error: 1, warning: 1, info: 5 });
    assert.equal(store.severityAt(5), 'error');
    assert.equal(store.severityAt(4), 'warning');
  });

  describe('recordsMatching', () => {
    const lines = [
      cmtraceLine('Download started'),
      cmtraceLine('Failed to download content. Error 0x80070002', { type: '3' }),
      cmtraceLine('0x80070002 again, and 0x80070002 twice in one record'),
      cmtraceLine('all good'),
      cmtraceLine('Failed: 0x87D00324', { type: '3' }),
    ];
    const store = parseText(`${lines.join('\r\n')}\r\n`);

    it('returns each matching record once, ascending', () => {
      assert.deepEqual(store.recordsMatching(/0x8007\w+/g, 0, store.recordCount), [1, 2]);
      assert.deepEqual(store.recordsMatching(/0x8[0-9a-f]{7}/gi, 0, store.recordCount), [1, 2, 4]);
    });

    it('only looks at records [from, to)', () => {
      assert.deepEqual(store.recordsMatching(/failed/gi, 2, 5), [4]);
      assert.deepEqual(store.recordsMatching(/failed/gi, 0, 1), []);
      assert.deepEqual(store.recordsMatching(/failed/gi, 3, 3), []);
    });

    it('matches the raw text, trailer included', () => {
      assert.deepEqual(store.recordsMatching(/type="3"/g, 0, store.recordCount), [1, 4]);
    });

    it('does not report a match that only exists across two records', () => {
      assert.deepEqual(store.recordsMatching(/started[\s\S]*Failed to/g, 0, store.recordCount), []);
      assert.deepEqual(store.recordsMatching(/download[\s\S]*?content/gi, 0, store.recordCount), [1]);
    });

    it('accepts a pattern without the g flag and leaves the caller pattern reusable', () => {
      const pattern = /all good/g;
      assert.deepEqual(store.recordsMatching(/all good/, 0, store.recordCount), [3]);
      assert.deepEqual(store.recordsMatching(pattern, 0, store.recordCount), [3]);
      assert.equal(pattern.lastIndex, 0);
    });

    it('finds records across text segments of a log fed in many pushes', () => {
      const parser = new LogParser();
      const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`.repeat(3000), 'utf8');
      for (let i = 0; i < bytes.length; i += 100_000) parser.push(bytes.subarray(i, i + 100_000));
      parser.end();
      const found = parser.store.recordsMatching(/0x87D00324/g, 0, parser.store.recordCount);
      assert.equal(found.length, 3000);
      assert.ok(found.every((i) => i % 5 === 4));
    });
  });

  it('reads times and components from the columns, as the entries have them', () => {
    const store = parseFixture('cmtrace-times.log');
    for (const entry of entries(store)) {
      assert.equal(store.componentAt(entry.index), entry.component);
      assert.equal(store.localMsAt(entry.index), entry.localMs);
      assert.equal(store.utcMsAt(entry.index), entry.utcMs);
    }
    assert.ok(Number.isNaN(parseFixture('client.msi.log').localMsAt(0)));
  });

  it('finds the record at a line (for hovers and quick fixes)', () => {
    const store = parseFixture('smsts-torn.log');
    assert.equal(store.indexAtLine(1), 0);
    assert.equal(store.indexAtLine(4), 2);
    assert.equal(store.indexAtLine(7), 5);
    assert.equal(store.indexAtLine(99), -1);
  });

  it('materialises entries on demand with every LogEntry field', () => {
    const [entry] = entries(parseText(`${cmtraceLine('hello', { component: 'CAS', thread: '42' })}\r\n`));
    assert.deepEqual(entry, {
      index: 0,
      line: 1,
      endLine: 1,
      localTime: '2024-01-01T10:00:00.000',
      utc: '2024-01-01T10:00:00.000Z',
      utcMs: Date.UTC(2024, 0, 1, 10),
      localMs: Date.UTC(2024, 0, 1, 10),
      biasMinutes: 0,
      component: 'CAS',
      thread: '42',
      severity: 'info',
      message: 'hello',
      kind: 'record',
      sourceFile: 'test.cpp:1',
      messageColumn: 7,
    });
    assert.throws(() => parseText('').entry(0), RangeError);
  });
});
