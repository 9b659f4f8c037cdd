import * as assert from 'node:assert/strict';
import { cmtraceLine, entries, parseFixture, parseText } from './logTestSupport';

describe('CMTrace format', () => {
  describe('times and bias (UTC = local + bias minutes)', () => {
    const log = entries(parseFixture('cmtrace-times.log'));

    it('reads the local time as written and converts +240 to four hours later in UTC', () => {
      assert.equal(log[0].localTime, '2019-10-18T10:30:43.112');
      assert.equal(log[0].utc, '2019-10-18T14:30:43.112Z');
      assert.equal(log[0].biasMinutes, 240);
      assert.equal(log[0].utcMs, Date.UTC(2019, 9, 18, 14, 30, 43, 112));
      assert.equal(log[0].localMs, Date.UTC(2019, 9, 18, 10, 30, 43, 112));
    });

    it('puts India (-330) five and a half hours earlier in UTC', () => {
      assert.equal(log[1].localTime, '2021-03-15T19:33:19.766');
      assert.equal(log[1].utc, '2021-03-15T14:03:19.766Z');
      assert.equal(log[1].biasMinutes, -330);
    });

    it('moves WinPE +480 across midnight into the next UTC day', () => {
      assert.equal(log[2].localTime, '2019-12-06T22:55:38.363');
      assert.equal(log[2].utc, '2019-12-07T06:55:38.363Z');
    });

    it('reads MDT +000 and ccmsetup +00 as UTC', () => {
      assert.equal(log[3].utc, '2024-02-07T16:52:13.000Z');
      assert.equal(log[3].biasMinutes, 0);
      assert.equal(log[4].utc, '2021-07-14T09:05:01.250Z');
      assert.equal(log[4].biasMinutes, 0);
    });

    it('reads +-240 as a bias of -240', () => {
      assert.equal(log[5].biasMinutes, -240);
      assert.equal(log[5].utc, '2021-07-14T04:00:00.000Z');
    });

    it('reads a .NET line: one-digit hour, 7-digit fraction, unpadded date, no bias', () => {
      assert.equal(log[6].localTime, '2015-01-02T09:05:01.842');
      assert.equal(log[6].biasMinutes, null);
      // Borrowed from the record before it (-240): the same machine wrote both.
      assert.equal(log[6].utc, '2015-01-02T05:05:01.842Z');
    });

    it('gives a record without bias no UTC when no record before it has one', () => {
      const [only] = entries(parseText(cmtraceLine('SCClient line', { time: '10:22:50.8422964', date: '1-2-2015' })));
      assert.equal(only.localTime, '2015-01-02T10:22:50.842');
      assert.equal(only.utc, null);
      assert.equal(only.utcMs, null);
    });

    it('converts every bias form the reference lists, daylight saving included in the value', () => {
      // [bias as logged, zone it stands for, UTC of 12:00 local]
      const cases: Array<[string, string, string]> = [
        ['+240', 'US Eastern summer (UTC-4)', '2024-01-01T16:00:00.000Z'],
        ['+480', 'WinPE default, Pacific (UTC-8)', '2024-01-01T20:00:00.000Z'],
        ['-60', 'UK summer (UTC+1)', '2024-01-01T11:00:00.000Z'],
        ['-120', 'Central Europe summer (UTC+2)', '2024-01-01T10:00:00.000Z'],
        ['-330', 'India (UTC+5:30)', '2024-01-01T06:30:00.000Z'],
        ['+000', 'MDT (bias not computed)', '2024-01-01T12:00:00.000Z'],
        ['+00', 'ccmsetup (two digits)', '2024-01-01T12:00:00.000Z'],
      ];
      const text = cases.map(([bias]) => cmtraceLine('x', { time: `12:00:00.000${bias}` })).join('\r\n');
      assert.deepEqual(
        entries(parseText(text)).map((e, i) => [cases[i][1], e.utc]),
        cases.map(([, zone, utc]) => [zone, utc]),
      );
    });

    it('reads a time without a fraction of a second', () => {
      const [entry] = entries(parseText(cmtraceLine('x', { time: '10:30:43+240' })));
      assert.equal(entry.localTime, '2024-01-01T10:30:43.000');
      assert.equal(entry.utc, '2024-01-01T14:30:43.000Z');
    });

    it('leaves the time empty when the date does not exist', () => {
      const [bad] = entries(parseText(cmtraceLine('x', { date: '02-31-2024' })));
      assert.equal(bad.kind, 'record');
      assert.equal(bad.localTime, null);
      assert.equal(bad.utc, null);
    });
  });

  describe('fields', () => {
    const log = entries(parseFixture('cmtrace-times.log'));

    it('maps type 3 to error, 2 to warning and 0, 1 and empty to info', () => {
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'info', 'info', 'info', 'warning', 'error', 'info'],
      );
    });

    it('keeps component, thread (also empty) and the file attribute', () => {
      assert.equal(log[0].component, 'TSManager');
      assert.equal(log[0].thread, '1964');
      assert.equal(log[0].sourceFile, 'utils.cpp:7745');
      assert.equal(log[3].thread, '');
      assert.equal(log[1].sourceFile, undefined);
      assert.equal(log[6].sourceFile, undefined);
    });

    it('gives the UTF-16 column where the message starts (after <![LOG[)', () => {
      assert.equal(log[0].messageColumn, 7);
      const [, second] = entries(parseText(`${cmtraceLine('a')}  ${cmtraceLine('b')}`));
      const firstLength = cmtraceLine('a').length;
      assert.equal(second.line, 1);
      assert.equal(second.messageColumn, firstLength + 2 + 7);
    });
  });

  describe('multi-line messages and torn records', () => {
    const log = entries(parseFixture('smsts-torn.log'));

    it('keeps every piece of text: records and fragments, in file order', () => {
      assert.deepEqual(
        log.map((e) => [e.line, e.endLine, e.kind]),
        [
          [1, 1, 'record'],
          [2, 2, 'fragment'],
          [3, 4, 'record'],
          [5, 5, 'fragment'],
          [6, 6, 'fragment'],
          [7, 7, 'record'],
        ],
      );
    });

    it('reads the time, component and type of a record whose start was overwritten', () => {
      assert.equal(log[1].message, 'ding file /SMS_DP_SMSPKG$/P0100012/sccm?/install.cmd');
      assert.equal(log[1].localTime, '2019-10-18T10:30:40.002');
      assert.equal(log[1].component, 'TSManager');
      assert.equal(log[1].messageColumn, 0);
    });

    it('joins a multi-line message with \\n and keeps its own trailer', () => {
      assert.equal(log[2].message, 'Failed to run the action: Install Application.\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)');
      assert.equal(log[2].severity, 'error');
      assert.equal(log[2].localTime, '2019-10-18T10:30:43.112');
      assert.equal(log[2].sourceFile, 'instruction.cxx:3011');
    });

    it('keeps text outside records, and a start without an end, as fragments', () => {
      assert.equal(log[3].message, 'garbage without any record');
      assert.equal(log[3].localTime, null);
      assert.equal(log[4].message, '<![LOG[Torn start without an end');
      assert.equal(log[5].message, 'Process completed with exit code 2147942402');
    });

    it('counts CR, LF and CRLF inside a message as line breaks, as an editor does', () => {
      const text = `${cmtraceLine('one\rtwo\nthree\r\nfour')}\r\n${cmtraceLine('next')}\n`;
      const [first, second] = entries(parseText(text));
      assert.deepEqual([first.line, first.endLine], [1, 4]);
      assert.equal(first.message, 'one\ntwo\nthree\nfour');
      assert.deepEqual([second.line, second.endLine], [5, 5]);
    });

    it('gives a fragment its severity from its words when it has no trailer', () => {
      const [, fragment] = entries(parseText(`${cmtraceLine('ok')}\r\nsomething failed badly\r\n`));
      assert.equal(fragment.kind, 'fragment');
      assert.equal(fragment.severity, 'error');
    });

    it('treats a broken trailer as text, not as a record', () => {
      const text = `<![LOG[half]LOG]!><time="10:00:00.000+000" date="01-01-20\r\n${cmtraceLine('whole')}\r\n`;
      const log2 = entries(parseText(text));
      assert.deepEqual(
        log2.map((e) => [e.kind, e.line]),
        [
          ['fragment', 1],
          ['record', 2],
        ],
      );
      assert.equal(log2[1].message, 'whole');
    });
  });
});
