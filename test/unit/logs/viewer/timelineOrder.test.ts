import * as assert from 'node:assert/strict';
import { LogParser, parseLog } from '../../../../src/core/logs/logParser';
import { LogIndex } from '../../../../src/core/logs/viewer/logIndex';
import { MergedOrder, SingleLogOrder } from '../../../../src/core/logs/viewer/timelineOrder';
import { cmtraceStore, cmtraceText, pantherStore } from './support';

function messagesInOrder(order: MergedOrder, indexes: LogIndex[]): string[] {
  const out: string[] = [];
  for (let p = 0; p < order.length; p++) out.push(indexes[order.logAt(p)].store.entry(order.recordAt(p)).message);
  return out;
}

describe('viewer: merged timeline order', () => {
  it('interleaves logs of different time zones by UTC, not by the clock they print', () => {
    // New York (bias +240, UTC−4) and London summer time (bias −60, UTC+1).
    const ny = new LogIndex(
      cmtraceStore([
        { time: '10:00:00.000', bias: '+240', message: 'NY 14:00:00Z' },
        { time: '10:00:20.000', bias: '+240', message: 'NY 14:00:20Z' },
        { time: '10:01:00.000', bias: '+240', message: 'NY 14:01:00Z' },
      ]),
    );
    const london = new LogIndex(
      cmtraceStore([
        { time: '15:00:10.000', bias: '-60', message: 'LON 14:00:10Z' },
        { time: '15:00:30.000', bias: '-60', message: 'LON 14:00:30Z' },
      ], 'C:\\Logs\\london.log'),
    );
    ny.extend();
    london.extend();
    const order = new MergedOrder([ny, london]);
    assert.deepEqual(messagesInOrder(order, [ny, london]), ['NY 14:00:00Z', 'LON 14:00:10Z', 'NY 14:00:20Z', 'LON 14:00:30Z', 'NY 14:01:00Z']);
    assert.equal(ny.hasZone, true);
  });

  it('orders a log without a zone by its local time and says it has none', () => {
    const cm = new LogIndex(cmtraceStore([
      { time: '14:00:05.000', bias: '+000', message: 'cm 14:00:05' },
      { time: '14:00:15.000', bias: '+000', message: 'cm 14:00:15' },
    ]));
    const panther = new LogIndex(pantherStore([
      '2024-03-14 14:00:10, Info                  DISM   panther 14:00:10',
      '2024-03-14 14:00:20, Info                  DISM   panther 14:00:20',
    ]));
    cm.extend();
    panther.extend();
    assert.equal(panther.store.recordCount, 2);
    assert.equal(panther.hasZone, false);
    assert.equal(panther.hasTimes, true);
    const order = new MergedOrder([cm, panther]);
    assert.deepEqual(messagesInOrder(order, [cm, panther]), ['cm 14:00:05', 'panther 14:00:10', 'cm 14:00:15', 'panther 14:00:20']);
  });

  it('keeps each log in file order and puts ties in the order the logs were given', () => {
    const a = new LogIndex(cmtraceStore([
      { time: '10:00:02.000', message: 'a1 (late)' },
      { time: '10:00:01.000', message: 'a2 (written after a1, earlier clock)' },
      { time: '10:00:05.000', message: 'a3 tie' },
    ]));
    const b = new LogIndex(cmtraceStore([{ time: '10:00:05.000', message: 'b1 tie' }], 'C:\\Logs\\b.log'));
    const c = new LogIndex(cmtraceStore([{ time: '10:00:00.000', message: 'c1 first' }], 'C:\\Logs\\c.log'));
    for (const ix of [a, b, c]) ix.extend();
    const order = new MergedOrder([a, b, c]);
    assert.deepEqual(messagesInOrder(order, [a, b, c]), ['c1 first', 'a1 (late)', 'a2 (written after a1, earlier clock)', 'a3 tie', 'b1 tie']);
  });

  it('gives records without a time (torn fragments) the time of the record before them', () => {
    const text = cmtraceText([{ time: '10:00:00.000', message: 'first' }]) + 'ding file /SMS_DP_SMSPKG$/P0100005 ]LOG]!>\r\n' + cmtraceText([{ time: '10:00:09.000', message: 'third' }]);
    const parser = new LogParser({ path: 'torn.log' });
    parser.push(Buffer.from(text));
    parser.end();
    const index = new LogIndex(parser.store);
    index.extend();
    assert.equal(parser.store.recordCount, 3);
    assert.equal(parser.store.entry(1).kind, 'fragment');
    assert.equal(index.keyAt(1), index.keyAt(0));
    assert.ok(index.keyAt(2) > index.keyAt(1));
  });

  it('maps a record back to its position, and places appended records as a fresh merge would', () => {
    const recordsA = [
      { time: '10:00:00.000', message: 'a0' },
      { time: '10:00:04.000', message: 'a1' },
    ];
    const recordsB = [{ time: '10:00:02.000', message: 'b0' }];
    const parserA = new LogParser({ path: 'a.log' });
    const parserB = new LogParser({ path: 'b.log' });
    parserA.push(Buffer.from(cmtraceText(recordsA)));
    parserB.push(Buffer.from(cmtraceText(recordsB)));
    const a = new LogIndex(parserA.store);
    const b = new LogIndex(parserB.store);
    a.extend();
    b.extend();
    const order = new MergedOrder([a, b]);
    assert.equal(order.positionOf(1, 0), 1);
    // Live tail: b gains a record that belongs before a1, a gains one at the end.
    parserB.push(Buffer.from(cmtraceText([{ time: '10:00:03.000', message: 'b1' }])));
    parserA.push(Buffer.from(cmtraceText([{ time: '10:00:06.000', message: 'a2' }])));
    a.extend();
    b.extend();
    const changedFrom = order.update();
    assert.equal(changedFrom, 2, 'positions before the first moved record stay');
    assert.deepEqual(messagesInOrder(order, [a, b]), ['a0', 'b0', 'b1', 'a1', 'a2']);
    const fresh = new MergedOrder([a, b]);
    assert.deepEqual(messagesInOrder(fresh, [a, b]), messagesInOrder(order, [a, b]));
    assert.equal(order.positionOf(0, 1), 3);
    assert.equal(order.positionOf(1, 5), -1);
  });

  it('puts a log with no time at all first, whether two logs or more are merged', () => {
    const plain = new LogIndex(parseLog(Buffer.from('no time here\r\nnor here\r\n'), { path: 'notes.log', format: 'plain' }));
    const cm = new LogIndex(cmtraceStore([{ time: '10:00:00.000', message: 'cm' }]));
    const other = new LogIndex(cmtraceStore([{ time: '10:00:01.000', message: 'other' }], 'C:\\Logs\\other.log'));
    for (const ix of [plain, cm, other]) ix.extend();
    assert.equal(plain.keyAt(0), Number.NaN);
    assert.deepEqual(messagesInOrder(new MergedOrder([cm, plain]), [cm, plain]), ['no time here', 'nor here', 'cm']);
    assert.deepEqual(messagesInOrder(new MergedOrder([cm, plain, other]), [cm, plain, other]), ['no time here', 'nor here', 'cm', 'other']);
  });

  it('shows a single log in file order', () => {
    const ix = new LogIndex(cmtraceStore([{ time: '10:00:02.000', message: 'x' }, { time: '10:00:01.000', message: 'y' }]));
    ix.extend();
    const order = new SingleLogOrder(ix);
    assert.equal(order.length, 2);
    assert.equal(order.recordAt(1), 1);
    assert.equal(order.positionOf(0, 1), 1);
    assert.equal(order.positionOf(0, 2), -1);
  });
});
