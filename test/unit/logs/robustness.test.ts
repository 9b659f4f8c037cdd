import * as assert from 'node:assert/strict';
import { LogParser, parseLog } from '../../../src/core/logs/logParser';
import { cmtraceLine, entries } from './logTestSupport';

describe('parser robustness and live tail', () => {
  it('parses an empty log to no records', () => {
    const store = parseLog(new Uint8Array(0));
    assert.equal(store.recordCount, 0);
    assert.equal(store.format, 'plain');
  });

  it('parses binary junk (NULs, control bytes) without throwing', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const store = parseLog(junk);
    assert.ok(store.recordCount > 0);
    for (let i = 0; i < store.recordCount; i++) store.entry(i);
    const cmtrace = parseLog(junk, { format: 'cmtrace' });
    assert.ok(entries(cmtrace).every((e) => e.kind === 'fragment'));
  });

  it('keeps a record truncated at the end of the file as a fragment', () => {
    const text = `${cmtraceLine('complete')}\r\n${cmtraceLine('cut short').slice(0, 60)}`;
    const log = entries(parseLog(Buffer.from(text)));
    assert.deepEqual(
      log.map((e) => [e.kind, e.line]),
      [
        ['record', 1],
        ['fragment', 2],
      ],
    );
  });

  it('handles a 20 MB single line, as a CMTrace message and as plain text', () => {
    const huge = 'x'.repeat(20 * 1024 * 1024);
    const cmtrace = parseLog(Buffer.from(cmtraceLine(huge), 'latin1'));
    assert.equal(cmtrace.recordCount, 1);
    assert.equal(cmtrace.entry(0).message.length, huge.length);
    const plain = parseLog(Buffer.from(`${huge} failed`, 'latin1'));
    assert.equal(plain.recordCount, 1);
    assert.equal(plain.entry(0).severity, 'error');
  });

  it('parses held text as it stands once it passes the limit, so a broken record cannot grow without bound', () => {
    const parser = new LogParser({ maxHeldChars: 1000 });
    const text = `${cmtraceLine('ok')}\r\n<![LOG[never ends ${'x'.repeat(600)}\r\n${'y'.repeat(600)}\r\nmore text\r\n`;
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += 97) parser.push(bytes.subarray(i, i + 97));
    assert.equal(parser.store.recordCount, 2, 'the broken record was parsed before the end');
    parser.end();
    const log = entries(parser.store);
    assert.deepEqual(
      log.map((e) => [e.kind, e.line]),
      [
        ['record', 1],
        ['fragment', 2],
        ['fragment', 3],
        ['fragment', 4],
      ],
    );
    assert.equal(parser.store.lineCount, 5);
  });

  it('decodes invalid UTF-8 in a BOM file as replacement characters, without throwing', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cmtraceLine('bad \xff byte'), 'latin1')]);
    const [entry] = entries(parseLog(bytes));
    assert.equal(entry.message, 'bad \ufffd byte');
  });

  describe('live tail', () => {
    it('parses only what each push adds and holds an incomplete record until it is whole', () => {
      const parser = new LogParser({ path: 'C:\\Windows\\CCM\\Logs\\CAS.log' });
      const first = `${cmtraceLine('one')}\r\n${cmtraceLine('two')}\r\n`;
      assert.deepEqual(parser.push(Buffer.from(first)), { from: 0, to: 2 });
      const third = cmtraceLine('three', { type: '3' });
      assert.deepEqual(parser.push(Buffer.from(third.slice(0, 40))), { from: 2, to: 2 });
      assert.deepEqual(parser.push(Buffer.from(`${third.slice(40)}\r\n`)), { from: 2, to: 3 });
      assert.equal(parser.store.entry(2).message, 'three');
      assert.equal(parser.store.entry(2).line, 3);
      assert.equal(parser.store.severityAt(2), 'error');
      assert.deepEqual(parser.end(), { from: 3, to: 3 });
    });

    it('emits a line-based record as soon as its line is complete, and a CRLF split between pushes once', () => {
      const parser = new LogParser({ format: 'plain' });
      assert.deepEqual(parser.push(Buffer.from('first line\r')), { from: 0, to: 0 });
      assert.deepEqual(parser.push(Buffer.from('\nsecond')), { from: 0, to: 1 });
      assert.deepEqual(parser.push(Buffer.from(' line\r\n')), { from: 1, to: 2 });
      assert.deepEqual(
        entries(parser.store).map((e) => [e.line, e.message]),
        [
          [1, 'first line'],
          [2, 'second line'],
        ],
      );
    });

    it('waits for enough text to detect the format, then parses what it held', () => {
      const parser = new LogParser();
      assert.deepEqual(parser.push(Buffer.from('2019-03-29 00:25')), { from: 0, to: 0 });
      assert.equal(parser.format, undefined);
      parser.push(Buffer.from(':29, Info                  IBS    one\n2019-03-29 00:25:30, Info                  IBS    two\n'));
      assert.equal(parser.format, 'panther');
      assert.equal(parser.store.recordCount, 1);
      parser.end();
      assert.equal(parser.store.recordCount, 2);
    });

    it('refuses pushes after end()', () => {
      const parser = new LogParser();
      parser.end();
      assert.throws(() => parser.push(Buffer.from('x')), /after end/);
    });
  });
});
