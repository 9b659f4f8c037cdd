import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLog } from '../../../src/core/logs/logParser';
import type { RecordStore } from '../../../src/core/logs/recordStore';
import type { LogEncoding, LogFormat, SeverityCounts } from '../../../src/core/logs/types';
import { SHARED_SAMPLES, hasSharedSamples } from './logTestSupport';

interface Expected {
  file: string;
  format: LogFormat;
  encoding: LogEncoding;
  records: number;
  counts?: SeverityCounts;
  /** Checks of single records: index, line, endLine, localTime, utc. */
  records_?: Array<[number, number, number, string | null, string | null]>;
}

/**
 * Expected values read off the files themselves (grep and an independent regex pass), not
 * copied from this parser's output. Counts match log-formats.md's verification table.
 */
const EXPECTED: Expected[] = [
  {
    file: 'smsts_winpe_brackdk04_2019_UTF8BOM.log',
    format: 'cmtrace',
    encoding: 'utf-8-bom',
    records: 881,
    counts: { error: 1, warning: 1, info: 879 },
    records_: [
      [0, 1, 1, '2019-12-06T22:55:38.363', '2019-12-07T06:55:38.363Z'],
      [880, 881, 881, '2019-12-06T23:03:12.052', '2019-12-07T07:03:12.052Z'],
    ],
  },
  {
    file: 'smsts_winpe_multiline_maxmoonACR_2024_UTF8BOM.log',
    format: 'cmtrace',
    encoding: 'utf-8-bom',
    records: 894,
    counts: { error: 7, warning: 21, info: 866 },
    records_: [
      [0, 1, 1, '2024-02-07T16:53:52.712', '2024-02-08T00:53:52.712Z'],
      [893, 901, 901, '2024-02-07T16:56:13.115', '2024-02-08T00:56:13.115Z'],
    ],
  },
  {
    file: 'BDD_mdt_maxmoonACR_2024_ASCII.log',
    format: 'cmtrace',
    encoding: 'utf-8',
    records: 1393,
    counts: { error: 0, warning: 0, info: 1393 },
    records_: [
      [0, 1, 1, '2024-02-07T16:52:13.000', '2024-02-07T16:52:13.000Z'],
      [1392, 1500, 1500, '2024-02-07T17:26:15.000', '2024-02-07T17:26:15.000Z'],
    ],
  },
  { file: 'UpdatesHandler_findingsanity_2021_UTF8BOM.log', format: 'cmtrace', encoding: 'utf-8-bom', records: 10, records_: [[0, 1, 1, '2021-07-14T08:53:19.823', '2021-07-14T12:53:19.823Z']] },
  { file: 'UpdatesStore_findingsanity_2021_UTF8BOM.log', format: 'cmtrace', encoding: 'utf-8-bom', records: 412, counts: { error: 1, warning: 0, info: 411 }, records_: [[1, 2, 2, '2021-07-14T08:53:44.534', '2021-07-14T12:53:44.534Z']] },
  {
    file: 'WUAHandler_findingsanity_2021_UTF8BOM.log',
    format: 'cmtrace',
    encoding: 'utf-8-bom',
    records: 26,
    counts: { error: 0, warning: 0, info: 26 },
    // +240: US Eastern summer time, UTC four hours later.
    records_: [
      [0, 1, 1, '2021-07-14T08:52:44.338', '2021-07-14T12:52:44.338Z'],
      [25, 26, 26, '2021-07-14T08:58:01.399', '2021-07-14T12:58:01.399Z'],
    ],
  },
  {
    file: 'colleval_legacy-format_EXCERPT_MarkusBux-CmTrace-MockData.log',
    format: 'legacy',
    encoding: 'utf-8',
    records: 17,
    records_: [
      [0, 1, 1, '2022-11-30T01:03:34.174', '2022-11-30T00:03:34.174Z'],
      [16, 17, 17, '2022-11-30T01:08:34.194', '2022-11-30T00:08:34.194Z'],
    ],
  },
  {
    file: 'setupact_winpe-setup_bitbtrust_2019_ANSI.log',
    format: 'panther',
    // Named ANSI at the source, but the bytes are valid UTF-8 (the non-ASCII ones are U+FFFD).
    encoding: 'utf-8',
    records: 3807,
    counts: { error: 1, warning: 27, info: 3779 },
    records_: [
      [0, 1, 1, '2019-03-29T00:25:29.000', null],
      // The one WIM-library line without timestamp continues the record before it.
      [2401, 2422, 2423, '2019-03-29T00:28:24.000', null],
    ],
  },
  { file: 'setuperr_winpe-setup_bitbtrust_2019_ASCII.log', format: 'panther', encoding: 'utf-8', records: 1, counts: { error: 1, warning: 0, info: 0 }, records_: [[0, 1, 1, '2019-03-29T00:32:48.000', null]] },
  { file: 'CBS_hofcake_2015_UTF8BOM.log', format: 'panther', encoding: 'utf-8-bom', records: 1668, records_: [[0, 1, 1, '2015-02-23T21:47:27.000', null]] },
  {
    file: 'dism_win7_DieterReuter_2014_UTF8BOM.log',
    format: 'panther',
    encoding: 'utf-8-bom',
    records: 2439,
    counts: { error: 4, warning: 13, info: 2422 },
    records_: [
      [0, 1, 1, '2014-02-17T15:22:02.000', null],
      [2438, 2439, 2439, '2014-02-18T10:37:16.000', null],
    ],
  },
  {
    file: 'WindowsUpdate_win10-decoded_findingsanity_2021_ASCII.log',
    format: 'windowsupdate10',
    encoding: 'utf-8',
    records: 5711,
    records_: [
      [0, 1, 1, '2021-07-13T10:22:58.955', null],
      [5710, 5711, 5711, '2021-07-14T08:58:00.471', null],
    ],
  },
  { file: 'iis10_W3C_plaso-testdata_ASCII.log', format: 'iis', encoding: 'utf-8', records: 1, records_: [[0, 5, 5, '2021-04-01T00:00:21.000', '2021-04-01T00:00:21.000Z']] },
  // 10 653 lines of which 401 are blank; 180 lines start with "!".
  { file: 'setupapi.dev_plaso-testdata.log', format: 'setupapi', encoding: 'utf-8', records: 10252, counts: { error: 0, warning: 180, info: 10072 } },
];

function parseSample(file: string): RecordStore {
  const full = path.join(SHARED_SAMPLES, file);
  return parseLog(fs.readFileSync(full), { path: full });
}

// The shared samples are not on every machine: these tests register only where they are
// (the fixtures under test/fixtures/logs cover the same formats everywhere).
if (hasSharedSamples) {
  describe(`real sample logs (${SHARED_SAMPLES})`, () => {
    for (const expected of EXPECTED) {
      it(`${expected.file}: ${expected.format}, ${expected.encoding}, ${expected.records} records`, () => {
        const store = parseSample(expected.file);
        assert.equal(store.format, expected.format);
        assert.equal(store.encoding, expected.encoding);
        assert.equal(store.recordCount, expected.records);
        if (expected.counts) assert.deepEqual(store.counts, expected.counts);
        for (const [index, line, endLine, localTime, utc] of expected.records_ ?? []) {
          const entry = store.entry(index);
          assert.deepEqual([entry.line, entry.endLine, entry.localTime, entry.utc], [line, endLine, localTime, utc], `record ${index}`);
        }
      });
    }

    it('keeps the 7 multi-line messages of the maxmoon smsts.log on two lines each', () => {
      const store = parseSample('smsts_winpe_multiline_maxmoonACR_2024_UTF8BOM.log');
      const multi: Array<[number, number]> = [];
      for (let i = 0; i < store.recordCount; i++) if (store.endLineAt(i) > store.lineAt(i)) multi.push([store.lineAt(i), store.endLineAt(i)]);
      assert.deepEqual(multi, [
        [59, 60],
        [92, 93],
        [109, 110],
        [157, 158],
        [190, 191],
        [213, 214],
        [248, 249],
      ]);
      assert.match(store.entry(store.indexAtLine(59)).message, /\nThe parameter is incorrect\. \(Error: 80070057; Source: Windows\)$/);
    });

    it('dates the 194 setupapi sections by their own start and end stamps, and finds their 194 exit statuses', () => {
      const store = parseSample('setupapi.dev_plaso-testdata.log');
      const starts: string[] = [];
      const ends: string[] = [];
      let exits = 0;
      for (let i = 0; i < store.recordCount; i++) {
        const entry = store.entry(i);
        const stamp = /^(>>>|<<<)\s+Section (?:start|end) (\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})$/.exec(entry.message);
        if (stamp) {
          assert.equal(entry.localTime, `${stamp[2]}-${stamp[3]}-${stamp[4]}T${stamp[5]}`, `line ${entry.line}`);
          (stamp[1] === '>>>' ? starts : ends).push(entry.localTime);
        }
        if (/^\[Exit status: [^\]]+\]$/.test(entry.message)) exits++;
      }
      assert.deepEqual([starts.length, ends.length, exits], [194, 194, 194]);
      assert.equal(starts[0], '2015-11-22T17:59:28.110');
      assert.equal(ends[193], '2016-11-22T23:50:58.236');
    });

    it('reads the type 3 record of the brackdk04 smsts.log at line 307', () => {
      const store = parseSample('smsts_winpe_brackdk04_2019_UTF8BOM.log');
      const entry = store.entry(store.indexAtLine(307));
      assert.equal(entry.severity, 'error');
      assert.equal(entry.message, 'Failed to create D:\\_SMSTaskSequence (3)');
    });
  });
}
