import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { decodeLog } from '../../../src/core/logs/decode';
import { parseLog } from '../../../src/core/logs/logParser';
import type { RecordStore } from '../../../src/core/logs/recordStore';
import type { LogFormat } from '../../../src/core/logs/types';
import { entries, parseInChunks } from './logTestSupport';
import { chunkSizes, concatenatedLogs, randomBytes, randomLog } from './propertyInputs';

const FORMATS: LogFormat[] = ['cmtrace', 'legacy', 'panther', 'windowsupdate', 'windowsupdate10', 'setupapi', 'iis', 'plain'];
const RUNS = { numRuns: 300 };

/** Line ranges ascending, inside the file, records never overlapping. */
function assertWellFormed(store: RecordStore): void {
  let previousEnd = 0;
  let previousEndLine = 1;
  for (let i = 0; i < store.recordCount; i++) {
    const entry = store.entry(i);
    const span = store.span(i);
    assert.ok(entry.line >= 1 && entry.line <= entry.endLine && entry.endLine <= store.lineCount, `record ${i} lines ${entry.line}-${entry.endLine} of ${store.lineCount}`);
    assert.ok(entry.line >= previousEndLine, `record ${i} starts on line ${entry.line} before line ${previousEndLine}`);
    assert.ok(span.start >= previousEnd && span.end > span.start, `record ${i} span ${span.start}-${span.end} after ${previousEnd}`);
    assert.ok(entry.messageColumn >= 0);
    previousEnd = span.end;
    previousEndLine = entry.endLine;
  }
}

/** Every character that is not whitespace (or NUL) lies inside a record or a fragment. */
function assertNoTextLost(bytes: Uint8Array, store: RecordStore): void {
  const { text } = decodeLog(bytes);
  assert.equal(store.textLength, text.length);
  let i = 0;
  for (let r = 0; r < store.recordCount; r++) {
    const { start, end } = store.span(r);
    for (; i < start; i++) assert.match(text[i], /[\s\0]/, `character ${i} ${JSON.stringify(text.slice(i, i + 20))} is outside every record`);
    i = Math.max(i, end);
  }
  for (; i < text.length; i++) assert.match(text[i], /[\s\0]/, `character ${i} ${JSON.stringify(text.slice(i, i + 20))} is outside every record`);
}

describe('parser properties (fast-check, real lines mutated)', () => {
  it('never throws and keeps records ordered and inside the file, whatever the format', () => {
    fc.assert(
      fc.property(randomLog, fc.constantFrom<LogFormat | undefined>(undefined, ...FORMATS), (bytes, format) => {
        assertWellFormed(parseLog(bytes, format ? { format } : {}));
      }),
      RUNS,
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(randomBytes, fc.constantFrom<LogFormat | undefined>(undefined, ...FORMATS), (bytes, format) => {
        assertWellFormed(parseLog(bytes, format ? { format } : {}));
      }),
      RUNS,
    );
  });

  it('loses no text of a CMTrace log: every character is in a record or a fragment', () => {
    fc.assert(
      fc.property(randomLog, (bytes) => {
        assertNoTextLost(bytes, parseLog(bytes, { format: 'cmtrace' }));
      }),
      RUNS,
    );
  });

  it('loses no text of a log whatever its format, also when it changes format or another log is appended', () => {
    const keepEveryLine: LogFormat[] = ['cmtrace', 'legacy', 'panther', 'windowsupdate', 'windowsupdate10', 'setupapi', 'plain'];
    fc.assert(
      fc.property(fc.oneof(randomLog, concatenatedLogs), fc.constantFrom(...keepEveryLine), (bytes, format) => {
        assertNoTextLost(bytes, parseLog(bytes, { format }));
      }),
      RUNS,
    );
  });

  it('gives the same records for two appended logs pushed in random chunks as parsed in one go', () => {
    fc.assert(
      fc.property(concatenatedLogs, chunkSizes, (bytes, sizes) => {
        const whole = parseLog(bytes);
        const pieces = parseInChunks(bytes, sizes);
        assert.equal(pieces.format, whole.format);
        assert.equal(pieces.lineCount, whole.lineCount);
        assert.deepEqual(entries(pieces), entries(whole));
        assertWellFormed(whole);
      }),
      RUNS,
    );
  });

  it('gives the same records pushed in random chunks as parsed in one go', () => {
    fc.assert(
      fc.property(randomLog, chunkSizes, (bytes, sizes) => {
        const whole = parseLog(bytes);
        const pieces = parseInChunks(bytes, sizes);
        assert.equal(pieces.format, whole.format);
        assert.equal(pieces.encoding, whole.encoding);
        assert.equal(pieces.lineCount, whole.lineCount);
        assert.deepEqual(entries(pieces), entries(whole));
      }),
      RUNS,
    );
  });
});
