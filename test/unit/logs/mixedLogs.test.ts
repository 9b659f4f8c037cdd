import * as assert from 'node:assert/strict';
import { parseLog } from '../../../src/core/logs/logParser';
import type { LogEntry } from '../../../src/core/logs/types';
import { cmtraceLine, entries, parseInChunks } from './logTestSupport';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LEGACY_START = 'Starting the distribution  $$<SMS_DISTRIBUTION_MANAGER><06-14-2018 06:26:25.828-60><thread=9112 (0x2398)>';
const LEGACY_FAILED = '~Failed to copy C:\\PROGRA~1\\SMS\\x.cab  $$<SMS_DISTRIBUTION_MANAGER><06-14-2018 06:26:26.828-60><thread=9112 (0x2398)>';
const PANTHER_ONE = '2019-03-29 00:25:29, Info                  IBS    InstallWindows:Setup Phase = 2';
const PANTHER_TWO = '2019-03-29 00:32:48, Error      [0x0606ae] IBS    Required profile hive does not exist';

/** [kind, line, endLine, localTime, message] of each record: what an admin sees in the list. */
function summary(log: LogEntry[]): Array<[string, number, number, string | null, string]> {
  return log.map((e) => [e.kind, e.line, e.endLine, e.localTime, e.message]);
}

/** Parses whole and in small chunks; both must give the same records. */
function parseBothWays(bytes: Buffer): ReturnType<typeof parseLog> {
  const whole = parseLog(bytes);
  assert.deepEqual(entries(parseInChunks(bytes, [7, 3, 11])), entries(whole), 'same records in chunks');
  return whole;
}

describe('logs that change format, logs appended to logs, odd CMTrace messages, empty logs', () => {
  describe('a log whose writer changed format (ConfigMgr restarts writing after an upgrade)', () => {
    it('reads the CMTrace records that follow legacy lines as records, with their times and types', () => {
      const text = `${LEGACY_START}\r\n${cmtraceLine('After the upgrade\r\nsecond line', { time: '06:30:00.000-60', date: '06-14-2018', type: '3', component: 'SMS_DISTRIBUTION_MANAGER' })}\r\n${cmtraceLine('next')}\r\n`;
      const store = parseBothWays(Buffer.from(text));
      assert.equal(store.format, 'legacy', 'the format the log started with');
      const log = entries(store);
      assert.deepEqual(summary(log), [
        ['record', 1, 1, '2018-06-14T06:26:25.828', 'Starting the distribution'],
        ['record', 2, 3, '2018-06-14T06:30:00.000', 'After the upgrade\nsecond line'],
        ['record', 4, 4, '2024-01-01T10:00:00.000', 'next'],
      ]);
      assert.equal(log[1].severity, 'error');
      assert.equal(log[1].utc, '2018-06-14T05:30:00.000Z');
      assert.equal(log[1].component, 'SMS_DISTRIBUTION_MANAGER');
    });

    it('reads legacy lines appended to a CMTrace log as timed records, not as loose text', () => {
      const text = `${cmtraceLine('first')}\r\n${LEGACY_START}\r\n${LEGACY_FAILED}\r\n${cmtraceLine('back to CMTrace')}\r\n`;
      const store = parseBothWays(Buffer.from(text));
      assert.equal(store.format, 'cmtrace');
      const log = entries(store);
      assert.deepEqual(
        log.map((e) => [e.kind, e.line, e.localTime, e.utc, e.severity, e.component, e.thread]),
        [
          ['record', 1, '2024-01-01T10:00:00.000', '2024-01-01T10:00:00.000Z', 'info', 'Test', '1'],
          ['record', 2, '2018-06-14T06:26:25.828', '2018-06-14T05:26:25.828Z', 'info', 'SMS_DISTRIBUTION_MANAGER', '9112'],
          ['record', 3, '2018-06-14T06:26:26.828', '2018-06-14T05:26:26.828Z', 'error', 'SMS_DISTRIBUTION_MANAGER', '9112'],
          ['record', 4, '2024-01-01T10:00:00.000', '2024-01-01T10:00:00.000Z', 'info', 'Test', '1'],
        ],
      );
      // `~` still marks the line break of the legacy message, and only there.
      assert.equal(log[2].message, '\nFailed to copy C:\\PROGRA~1\\SMS\\x.cab');
      assert.equal(log[3].message, 'back to CMTrace');
    });

    it('reads CMTrace records after Panther lines and after plain text lines', () => {
      const afterPanther = parseBothWays(Buffer.from(`${PANTHER_ONE}\r\n    continued\r\n${cmtraceLine('now CMTrace', { type: '2' })}\r\n`));
      assert.equal(afterPanther.format, 'panther');
      assert.deepEqual(summary(entries(afterPanther)), [
        ['record', 1, 2, '2019-03-29T00:25:29.000', 'InstallWindows:Setup Phase = 2\n    continued'],
        ['record', 3, 3, '2024-01-01T10:00:00.000', 'now CMTrace'],
      ]);
      assert.equal(afterPanther.severityAt(1), 'warning');

      // Sixty lines of text first: detection (a vote over the first 50 lines) says plain.
      const notes = Array.from({ length: 60 }, (_, i) => `installer note ${i + 1}`).join('\n');
      const afterText = parseBothWays(Buffer.from(`${notes}\n${cmtraceLine('first record', { type: '3' })}\n`));
      assert.equal(afterText.format, 'plain');
      const last = entries(afterText).slice(-2);
      assert.deepEqual(
        last.map((e) => [e.kind, e.line, e.message, e.localTime, e.severity]),
        [
          ['record', 60, 'installer note 60', null, 'info'],
          ['record', 61, 'first record', '2024-01-01T10:00:00.000', 'error'],
        ],
      );
    });
  });

  describe('a byte-order mark in the middle (two logs concatenated)', () => {
    it('reads two CMTrace logs as one list, without a stray record for the second BOM', () => {
      const bytes = Buffer.concat([BOM, Buffer.from(`${cmtraceLine('end of the first log')}\r\n`), BOM, Buffer.from(`${cmtraceLine('start of the second log', { time: '11:00:00.000+480' })}\r\n`)]);
      const store = parseBothWays(bytes);
      assert.equal(store.encoding, 'utf-8-bom');
      assert.deepEqual(
        entries(store).map((e) => [e.kind, e.line, e.message, e.utc]),
        [
          ['record', 1, 'end of the first log', '2024-01-01T10:00:00.000Z'],
          ['record', 2, 'start of the second log', '2024-01-01T19:00:00.000Z'],
        ],
      );
      // The BOM is a character on line 2 of the file: the message starts one column later.
      assert.equal(store.entry(1).messageColumn, 8);
    });

    it('does not glue the first record of a second Panther log onto the last record of the first', () => {
      const bytes = Buffer.concat([BOM, Buffer.from(`${PANTHER_ONE}\r\n`), BOM, Buffer.from(`${PANTHER_TWO}\r\n`)]);
      assert.deepEqual(summary(entries(parseBothWays(bytes))), [
        ['record', 1, 1, '2019-03-29T00:25:29.000', 'InstallWindows:Setup Phase = 2'],
        ['record', 2, 2, '2019-03-29T00:32:48.000', 'Required profile hive does not exist'],
      ]);
    });

    it('detects the format of the appended log again (smsts.log followed by setupact.log)', () => {
      const bytes = Buffer.concat([BOM, Buffer.from(`${cmtraceLine('Failed to run the action: Setup Windows and ConfigMgr.', { type: '3' })}\r\n`), BOM, Buffer.from(`${PANTHER_ONE}\r\n${PANTHER_TWO}\r\n`)]);
      const store = parseBothWays(bytes);
      assert.equal(store.format, 'cmtrace');
      const log = entries(store);
      assert.deepEqual(summary(log), [
        ['record', 1, 1, '2024-01-01T10:00:00.000', 'Failed to run the action: Setup Windows and ConfigMgr.'],
        ['record', 2, 2, '2019-03-29T00:25:29.000', 'InstallWindows:Setup Phase = 2'],
        ['record', 3, 3, '2019-03-29T00:32:48.000', 'Required profile hive does not exist'],
      ]);
      assert.deepEqual(
        log.map((e) => e.severity),
        ['error', 'info', 'error'],
      );
      assert.equal(log[2].component, 'IBS');
    });

    it('finds the appended log in UTF-16 too (FF FE in the middle)', () => {
      const bytes = Buffer.concat([Buffer.from(`\ufeff${cmtraceLine('one')}\r\n`, 'utf16le'), Buffer.from(`\ufeff${PANTHER_ONE}\r\n`, 'utf16le')]);
      const store = parseBothWays(bytes);
      assert.equal(store.encoding, 'utf-16le');
      assert.deepEqual(summary(entries(store)), [
        ['record', 1, 1, '2024-01-01T10:00:00.000', 'one'],
        ['record', 2, 2, '2019-03-29T00:25:29.000', 'InstallWindows:Setup Phase = 2'],
      ]);
    });

    it('does not lend the bias of the first log to a .NET record of the appended one', () => {
      const bytes = Buffer.concat([Buffer.from(`${cmtraceLine('native', { time: '10:00:00.000+240' })}\r\n`), BOM, Buffer.from(`${cmtraceLine('.NET', { time: '10:00:00.1234567' })}\r\n`)]);
      const log = entries(parseBothWays(bytes));
      assert.deepEqual(
        log.map((e) => [e.kind, e.message, e.utc]),
        [
          ['record', 'native', '2024-01-01T14:00:00.000Z'],
          ['record', '.NET', null],
        ],
      );
    });

    it('keeps a BOM inside a message (not at a line start) as text of that message', () => {
      const [entry, ...rest] = entries(parseBothWays(Buffer.from(`${cmtraceLine('Output: \ufeffdone')}\r\n`)));
      assert.equal(rest.length, 0);
      assert.equal(entry.message, 'Output: \ufeffdone');
    });
  });

  describe('a CMTrace message that contains ]LOG]!>', () => {
    it('keeps ]LOG]!> in the message when no time attribute follows it', () => {
      const [entry] = entries(parseBothWays(Buffer.from(`${cmtraceLine('Parsing ]LOG]!> marker', { type: '2' })}\r\n`)));
      assert.deepEqual([entry.kind, entry.message, entry.severity], ['record', 'Parsing ]LOG]!> marker', 'warning']);
    });

    it('keeps ]LOG]!><time=" without a whole trailer in the message, and the record whole', () => {
      const text = `${cmtraceLine('bad line ]LOG]!><time="broken', { type: '3' })}\r\n${cmtraceLine('next')}\r\n`;
      const log = entries(parseBothWays(Buffer.from(text)));
      assert.deepEqual(
        log.map((e) => [e.kind, e.message, e.severity]),
        [
          ['record', 'bad line ]LOG]!><time="broken', 'error'],
          ['record', 'next', 'info'],
        ],
      );
    });

    it('keeps a whole quoted CMTrace record inside the message of the record that quotes it', () => {
      const quoted = cmtraceLine('inner', { time: '09:00:00.000+000', type: '3' });
      const text = `${cmtraceLine(`Last line of smsts.log: ${quoted}`, { time: '10:00:00.000+000', type: '1', component: 'Script' })}\r\n${cmtraceLine('next')}\r\n`;
      const log = entries(parseBothWays(Buffer.from(text)));
      assert.deepEqual(
        log.map((e) => [e.kind, e.message, e.localTime, e.severity, e.component]),
        [
          ['record', `Last line of smsts.log: ${quoted}`, '2024-01-01T10:00:00.000', 'info', 'Script'],
          ['record', 'next', '2024-01-01T10:00:00.000', 'info', 'Test'],
        ],
      );
    });

    it('still splits a torn start from the whole record that follows it', () => {
      const text = `<![LOG[torn start\r\n${cmtraceLine('whole')}\r\n`;
      assert.deepEqual(
        entries(parseBothWays(Buffer.from(text))).map((e) => [e.kind, e.message]),
        [
          ['fragment', '<![LOG[torn start'],
          ['record', 'whole'],
        ],
      );
    });
  });

  describe('empty logs', () => {
    for (const [name, bytes] of [
      ['0 bytes', Buffer.alloc(0)],
      ['blanks and line breaks', Buffer.from('  \r\n\t\r\n\n   ')],
      ['a BOM alone', BOM],
      ['a BOM and blank lines', Buffer.concat([BOM, Buffer.from('\r\n\r\n')])],
    ] as const) {
      it(`parses ${name} to no records, as plain text, without throwing`, () => {
        const store = parseBothWays(bytes);
        assert.equal(store.recordCount, 0);
        assert.equal(store.format, 'plain');
        assert.deepEqual(store.counts, { error: 0, warning: 0, info: 0 });
      });
    }

    it('detects the format after leading blank lines and a second BOM', () => {
      const bytes = Buffer.concat([BOM, Buffer.from('\r\n\r\n'), BOM, Buffer.from(`${cmtraceLine('first')}\r\n`)]);
      const store = parseBothWays(bytes);
      assert.equal(store.format, 'cmtrace');
      assert.deepEqual(
        entries(store).map((e) => [e.line, e.message]),
        [[3, 'first']],
      );
    });
  });
});
