import * as assert from 'node:assert/strict';
import { entries, parseFixture, parseText } from './logTestSupport';

describe('line-based log formats', () => {
  describe('legacy server format ($$<component><time><thread>)', () => {
    const store = parseFixture('colleval-legacy.log');
    const log = entries(store);

    it('reads component, thread, local time and the bias (-60 = UTC+1)', () => {
      assert.equal(store.format, 'legacy');
      assert.equal(log[0].component, 'SMS_COLLECTION_EVALUATOR');
      assert.equal(log[0].thread, '4844');
      assert.equal(log[0].localTime, '2022-11-30T01:08:33.184');
      assert.equal(log[0].utc, '2022-11-30T00:08:33.184Z');
      assert.equal(log[0].message, 'PF: ***** Evaluation cycle starts *****');
      assert.equal(log[3].biasMinutes, 300);
      assert.equal(log[3].utc, '2018-06-14T11:26:25.828Z');
    });

    it('renders the ~ line-break marker as a newline, at the start or the end of a message', () => {
      assert.equal(log[1].message, '\nExecStaticMethod failed (80041002) SMS_DistributionPoint, AddFile');
      assert.equal(log[2].message, 'SQL>>>select Name from vSMS_SC_Component_Properties where ID = 7  order by Name\n');
    });

    it('keeps ~ inside 8.3 short names (C:\\PROGRA~1) while rendering the line-break ~', () => {
      const text = '~Copying C:\\PROGRA~1\\MICROS~2\\inboxes\\x.ins to ~\\temp  $$<SMS_DISTRIBUTION_MANAGER><06-14-2018 06:26:25.828-60><thread=9112 (0x2398)>\r\n';
      const [entry] = entries(parseText(text));
      assert.equal(entry.message, '\nCopying C:\\PROGRA~1\\MICROS~2\\inboxes\\x.ins to \n\\temp');
    });

    it('reads the SMS 2.0 trailer with ~ after the year and a hex thread without 0x', () => {
      const [entry] = entries(parseText('Service started  $$<SMS_EXECUTIVE><Wed May 21 17:09:02 1997~><thread=DB>\r\n'));
      assert.equal(entry.kind, 'record');
      assert.equal(entry.localTime, '1997-05-21T17:09:02.000');
      assert.equal(entry.utc, null);
      assert.equal(entry.thread, 'DB');
      assert.equal(entry.component, 'SMS_EXECUTIVE');
      assert.equal(entry.message, 'Service started');
    });

    it('takes severity from the words, as CMTrace does for logs without a type', () => {
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'error', 'info', 'warning', 'info', 'info', 'info'],
      );
    });

    it('keeps a line without trailer as a fragment and reads the SMS 2.0 trailer', () => {
      assert.equal(log[5].kind, 'fragment');
      assert.equal(log[5].message, 'a line without a trailer');
      assert.equal(log[6].localTime, '1999-10-15T17:09:46.507');
      assert.equal(log[6].utc, null);
      assert.equal(log[6].thread, '225');
    });
  });

  describe('Panther layout (setupact, setuperr, CBS, DISM)', () => {
    const log = entries(parseFixture('setupact-continuation.log'));

    it('joins lines without a timestamp to the record before them', () => {
      assert.deepEqual([log[2].line, log[2].endLine], [3, 4]);
      assert.equal(
        log[2].message,
        'Calling WIMApplyImage (flags = 0x8180)...\n[1184] [CreateParallelDecodeInfo:(3669) -> Multithreaded decoding for LZMS WIM is enabled!] (null) (Error = 0)',
      );
      assert.deepEqual([log[5].line, log[5].endLine], [8, 10]);
      assert.equal(log[5].message, 'DetermineIfReRegisterOnUpgrade: failed\n    VM: NO\n    Msg:[detail]');
    });

    it('leaves trailing blank lines out of a record', () => {
      assert.deepEqual([log[3].line, log[3].endLine], [5, 5]);
    });

    it('keeps text before the first record as a fragment', () => {
      assert.equal(log[0].kind, 'fragment');
      assert.equal(log[0].message, 'Setup log opened by a tool (no timestamp)');
    });

    it('reads level, component column and local time (no zone)', () => {
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'info', 'info', 'info', 'error', 'warning', 'error', 'info'],
      );
      assert.equal(log[1].component, 'IBS');
      assert.equal(log[1].message, 'InstallWindows:Setup Phase = 2');
      assert.equal(log[1].messageColumn, 50);
      assert.equal(log[1].localTime, '2019-03-29T00:25:29.000');
      assert.equal(log[1].utc, null);
      assert.equal(log[3].component, '');
      assert.equal(log[3].message, 'PnPIBS: Checking for pre-configured driver paths ...');
      assert.equal(log[4].message, '[SetupCl library] Required profile hive does not exist');
    });

    it('reads Perf, Verbose and other levels as information', () => {
      const text = ['Perf', 'Verbose', 'Debug', 'Trace'].map((level) => `2019-03-29 00:25:29, ${level.padEnd(21)} CBS    level ${level}`).join('\n');
      const log = entries(parseText(text));
      assert.deepEqual(
        log.map((e) => [e.severity, e.component, e.message]),
        [
          ['info', 'CBS', 'level Perf'],
          ['info', 'CBS', 'level Verbose'],
          ['info', 'CBS', 'level Debug'],
          ['info', 'CBS', 'level Trace'],
        ],
      );
    });

    it('reads a line that is not column-aligned', () => {
      assert.equal(log[7].message, 'MOUPG not column aligned line');
      assert.equal(log[7].component, '');
    });
  });

  describe('WindowsUpdate.log', () => {
    it('reads the legacy tab-separated layout with WARNING/FATAL markers', () => {
      const store = parseFixture('windowsupdate-legacy.log');
      const log = entries(store);
      assert.equal(store.format, 'windowsupdate');
      assert.equal(log[0].localTime, '2021-08-28T03:07:48.216');
      assert.equal(log[0].component, 'Service');
      assert.equal(log[1].thread, 'a0');
      assert.equal(log[1].message, 'WARNING: Failed to find updates with error code 8024402c');
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'warning', 'error', 'info'],
      );
    });

    it('reads the Windows 10 decoded layout with / or - in dates', () => {
      const store = parseFixture('windowsupdate10.log');
      const log = entries(store);
      assert.equal(store.format, 'windowsupdate10');
      assert.equal(log[0].localTime, '2021-07-13T10:22:58.955');
      assert.equal(log[0].thread, '8172');
      assert.equal(log[0].component, 'Agent');
      assert.equal(log[0].message, 'WU client version 10.0.17763.1852');
      assert.equal(log[1].localTime, '2024-04-11T12:48:04.626');
      assert.equal(log[2].severity, 'error');
    });
  });

  describe('setupapi.dev.log', () => {
    const log = entries(parseFixture('setupapi.dev.log'));

    it('makes one record per non-blank line; !!! is an error, ! a warning, a failed exit status an error', () => {
      assert.deepEqual(
        log.map((e) => e.line),
        [1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13],
      );
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'info', 'info', 'info', 'info', 'info', 'warning', 'error', 'info', 'info', 'error'],
      );
    });

    it('dates lines with their section, following trailing times across midnight', () => {
      assert.equal(log[0].localTime, null);
      assert.equal(log[2].localTime, '2015-11-22T17:58:03.498');
      assert.equal(log[4].localTime, '2015-11-22T23:59:58.100');
      assert.equal(log[5].localTime, '2015-11-22T23:59:59.000');
      assert.equal(log[8].localTime, '2015-11-23T00:00:01.500');
      assert.equal(log[9].localTime, '2015-11-23T00:00:02.000');
    });

    it('reads the driver-stack area as the component', () => {
      assert.equal(log[7].component, 'dvi');
      assert.equal(log[7].message, 'Device not started: Device has problem: 0x1c (CM_PROB_FAILED_INSTALL), problem status: 0xe0000242.');
    });
  });

  describe('IIS W3C', () => {
    const store = parseFixture('u_ex210401.log');
    const log = entries(store);

    it('reads records (not # directives) with UTC times', () => {
      assert.equal(store.format, 'iis');
      assert.deepEqual(
        log.map((e) => e.line),
        [5, 6, 11, 12],
      );
      assert.equal(log[0].utc, '2021-04-01T00:00:21.000Z');
      assert.equal(log[0].component, 'GET');
    });

    it('follows a #Fields change in the middle of the file, dating by #Date', () => {
      assert.equal(log[2].utc, '2021-04-02T10:15:30.000Z');
      assert.equal(log[2].component, 'POST');
      assert.equal(log[2].message, '10.0.0.21 POST /ccm_system/request 500');
    });

    it('makes status 5xx an error and 4xx a warning', () => {
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'warning', 'error', 'info'],
      );
    });
  });

  describe('plain text fallback', () => {
    it('makes one record per non-blank line with severity from the words error/fail/warn', () => {
      const store = parseFixture('client.msi.log');
      assert.equal(store.format, 'plain');
      assert.deepEqual(
        entries(store).map((e) => [e.line, e.severity]),
        [
          [1, 'info'],
          [2, 'error'],
          [3, 'warning'],
          [5, 'info'],
        ],
      );
    });

    it('matches the words at their start only (ansi_warnings is no warning)', () => {
      const log = entries(parseText('set ansi_warnings on\nErrorCode = 5\nprefail\n', 'plain'));
      assert.deepEqual(
        log.map((e) => e.severity),
        ['info', 'error', 'info'],
      );
    });
  });
});
