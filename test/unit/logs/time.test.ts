import * as assert from 'node:assert/strict';
import { dayMs, formatLocalTime, formatUtc, parseClock, parseDate, wallClockMs } from '../../../src/core/logs/time';

describe('log times', () => {
  it('computes calendar days like Date.UTC, leap years included', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2024, 2, 29],
      [2019, 12, 31],
      [1601, 1, 1],
      [9999, 12, 31],
    ]) {
      assert.equal(dayMs(y, m, d), Date.UTC(y, m - 1, d), `${y}-${m}-${d}`);
    }
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    assert.ok(Number.isNaN(dayMs(2023, 2, 29)));
    assert.ok(Number.isNaN(dayMs(1900, 2, 29)));
    assert.ok(Number.isNaN(dayMs(2024, 4, 31)));
    assert.ok(Number.isNaN(dayMs(2024, 13, 1)));
    assert.ok(Number.isNaN(wallClockMs(2024, 1, 1, 24, 0, 0, 0)));
  });

  it('reads clocks with 1 to 7 fraction digits, a one-digit hour and the legacy WindowsUpdate colon', () => {
    const base = ((9 * 60 + 5) * 60 + 1) * 1000;
    assert.equal(parseClock('09:05:01', 0, 8), base);
    assert.equal(parseClock('9:05:01.5', 0, 9), base + 500);
    assert.equal(parseClock('09:05:01.25', 0, 11), base + 250);
    assert.equal(parseClock('09:05:01.8422964', 0, 16), base + 842);
    assert.equal(parseClock('09:05:01:216', 0, 12), base + 216);
    assert.ok(Number.isNaN(parseClock('25:00:00', 0, 8)));
    assert.ok(Number.isNaN(parseClock('10:61:00', 0, 8)));
    assert.ok(Number.isNaN(parseClock('10:00', 0, 5)));
  });

  it('reads month-first and year-first dates with their separators', () => {
    assert.equal(parseDate('1-2-2015', 0, 8, 'mdy', 45), Date.UTC(2015, 0, 2));
    assert.equal(parseDate('2015/11/22', 0, 10, 'ymd', 47), Date.UTC(2015, 10, 22));
    assert.ok(Number.isNaN(parseDate('2015-11', 0, 7, 'ymd', 45)));
  });

  it('formats local time without a zone and UTC with Z', () => {
    const ms = Date.UTC(2019, 11, 7, 6, 55, 38, 363);
    assert.equal(formatLocalTime(ms), '2019-12-07T06:55:38.363');
    assert.equal(formatUtc(ms), '2019-12-07T06:55:38.363Z');
    assert.equal(formatLocalTime(NaN), null);
    assert.equal(formatUtc(NaN), null);
  });
});
