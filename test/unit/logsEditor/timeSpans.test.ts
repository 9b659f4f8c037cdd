import * as assert from 'node:assert/strict';
import { findTimeSpans, formatClockMs, timeSpanAt, utcOffsetText } from '../../../src/core/logs/editor/timeSpans';

const MINUS = '\u2212';

describe('logged times (hover): UTC = local time + bias', () => {
  const line =
    '<![LOG[Failed to get information for MP]LOG]!><time="09:12:03.118-330" date="03-11-2024" component="SMSPXE" context="" type="3" thread="4312" file="bootpxe.cpp:2101">';

  it('reads a CMTrace time with bias -330 (India) as UTC+05:30, 03:42 UTC', () => {
    const column = line.indexOf('09:12');
    const span = timeSpanAt(line, 'cmtrace', column);
    assert.ok(span);
    assert.equal(span.zone, 'bias');
    assert.equal(span.biasMinutes, -330);
    assert.equal(formatClockMs(span.localMs), '2024-03-11 09:12:03.118');
    assert.equal(formatClockMs(span.utcMs ?? NaN), '2024-03-11 03:42:03.118');
    assert.equal(utcOffsetText(-330), `UTC+05:30`);
  });

  it('reads bias +240 (US Eastern summer) as UTC−04:00, four hours later in UTC', () => {
    const eastern = line.replace('09:12:03.118-330', '22:30:43.112+240');
    const span = timeSpanAt(eastern, 'cmtrace', eastern.indexOf('date="') + 2);
    assert.ok(span, 'the date attribute hovers the same moment');
    assert.equal(formatClockMs(span.utcMs ?? NaN), '2024-03-12 02:30:43.112', 'crosses midnight into the next UTC day');
    assert.equal(utcOffsetText(240), `UTC${MINUS}04:00`);
    assert.equal(utcOffsetText(0), 'UTC+00:00');
    assert.equal(utcOffsetText(-60), 'UTC+01:00');
  });

  it('reads the `+-240` form of a negative bias as the parser does', () => {
    const doubled = line.replace('09:12:03.118-330', '09:12:03.118+-240');
    const span = timeSpanAt(doubled, 'cmtrace', doubled.indexOf('09:12'));
    assert.ok(span);
    assert.equal(span.biasMinutes, -240);
    assert.equal(formatClockMs(span.utcMs ?? NaN), '2024-03-11 05:12:03.118');
  });

  it('covers exactly the time and the date attributes', () => {
    const spans = findTimeSpans(line, 'cmtrace');
    assert.equal(spans.length, 2);
    assert.equal(line.slice(spans[0].start, spans[0].end), 'time="09:12:03.118-330"');
    assert.equal(line.slice(spans[1].start, spans[1].end), 'date="03-11-2024"');
    assert.equal(timeSpanAt(line, 'cmtrace', line.indexOf('SMSPXE')), undefined);
  });

  it('says when no bias was logged (.NET writers)', () => {
    const dotnet = '<![LOG[Ready]LOG]!><time="10:22:50.8422964" date="1-2-2015" component="SCClient" context="" type="1" thread="1" file="">';
    const span = timeSpanAt(dotnet, 'cmtrace', dotnet.indexOf('10:22'));
    assert.ok(span);
    assert.equal(span.zone, 'unknown');
    assert.equal(span.utcMs, null);
    assert.equal(formatClockMs(span.localMs), '2015-01-02 10:22:50.842');
  });

  it('reads the legacy trailer time and its bias', () => {
    const legacy = 'PF: ***** Evaluation cycle starts *****  $$<SMS_COLLECTION_EVALUATOR><11-30-2022 01:08:33.184-60><thread=4844 (0x12EC)>';
    const span = timeSpanAt(legacy, 'legacy', legacy.indexOf('01:08'));
    assert.ok(span);
    assert.equal(legacy.slice(span.start, span.end), '11-30-2022 01:08:33.184-60');
    assert.equal(formatClockMs(span.utcMs ?? NaN), '2022-11-30 00:08:33.184');
  });

  it('knows Panther times have no zone and IIS times are UTC', () => {
    const panther = '2019-10-18 10:42:58, Error                 SP     AddDriverPackageIntoDriverStore: Failed';
    const p = timeSpanAt(panther, 'panther', 3);
    assert.equal(p?.zone, 'unknown');
    assert.equal(panther.slice(p?.start, p?.end), '2019-10-18 10:42:58');
    const iis = '2021-04-01 00:00:21 111.111.111.111 GET /SMS_DP_SMSPKG$/P0100012 - 80 - 10.0.0.5 Mozilla/4.0 - 404 0 2 15';
    const i = timeSpanAt(iis, 'iis', 12);
    assert.equal(i?.zone, 'utc');
    assert.equal(formatClockMs(i?.utcMs ?? NaN), '2021-04-01 00:00:21.000');
  });
});
