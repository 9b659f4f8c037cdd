import * as assert from 'node:assert/strict';
import { binRange, buildHistogram, chooseBinWidth, keyRange } from '../../../../src/core/logs/viewer/histogram';
import { LogIndex } from '../../../../src/core/logs/viewer/logIndex';
import { SingleLogOrder } from '../../../../src/core/logs/viewer/timelineOrder';
import { cmtraceStore } from './support';

describe('viewer: error/warning histogram', () => {
  it('picks the smallest readable bin width that fits', () => {
    assert.equal(chooseBinWidth(0, 59_000, 60), 1_000);
    assert.equal(chooseBinWidth(0, 60_000, 60), 2_000);
    assert.equal(chooseBinWidth(0, 3_600_000, 100), 60_000);
    assert.equal(chooseBinWidth(0, 0, 10), 100);
  });

  it('counts errors, warnings and all records per bin, aligned on the clock shown', () => {
    const store = cmtraceStore([
      { time: '10:00:01.000', bias: '+240', type: 1, message: 'info' },
      { time: '10:00:20.000', bias: '+240', type: 3, message: 'error 1' },
      { time: '10:00:59.999', bias: '+240', type: 2, message: 'warning' },
      { time: '10:01:00.000', bias: '+240', type: 3, message: 'error 2' },
      { time: '10:02:30.000', bias: '+240', type: 3, message: 'error 3' },
    ]);
    const index = new LogIndex(store);
    index.extend();
    const order = new SingleLogOrder(index);
    // Keys are UTC (14:00:01Z ...); the person reads local time (bias +240 → offset −4 h).
    const h = buildHistogram([0, 1, 2, 3, 4], order, [index], { maxBins: 3, displayOffsetMs: -240 * 60_000 });
    assert.ok(h);
    assert.equal(h.binMs, 60_000);
    assert.deepEqual(h.totals, [3, 1, 1]);
    assert.deepEqual(h.errors, [1, 1, 1]);
    assert.deepEqual(h.warnings, [1, 0, 0]);
    assert.equal(new Date(h.startMs).toISOString(), '2024-03-14T14:00:00.000Z');
    const second = binRange(h, 1);
    assert.equal(new Date(second.fromMs).toISOString(), '2024-03-14T14:01:00.000Z');
    assert.equal(second.toMs - second.fromMs, 60_000);
  });

  it('has nothing to draw when nothing is visible', () => {
    const index = new LogIndex(cmtraceStore([{ time: '10:00:00.000', message: 'x' }]));
    index.extend();
    assert.equal(buildHistogram([], new SingleLogOrder(index), [index]), null);
  });
});

describe('viewer: histogram axis', () => {
  it('keeps the bins on the whole log’s span while a filter narrows what is counted', () => {
    const index = new LogIndex(
      cmtraceStore([
        { time: '10:00:00.000', type: 1, message: 'start' },
        { time: '10:30:00.000', type: 3, message: 'error' },
        { time: '11:00:00.000', type: 1, message: 'end' },
      ]),
    );
    index.extend();
    const order = new SingleLogOrder(index);
    const range = keyRange([index]);
    assert.ok(range);
    assert.equal(range.maxMs - range.minMs, 3_600_000);
    const onlyError = buildHistogram([1], order, [index], { maxBins: 61, range });
    assert.ok(onlyError);
    assert.equal(onlyError.binMs, 60_000);
    assert.equal(onlyError.totals.length, 61);
    assert.equal(onlyError.errors[30], 1);
    assert.equal(onlyError.totals.reduce((a, b) => a + b, 0), 1);
  });
});
