import * as assert from 'node:assert/strict';
import { CancellationError } from '../../../../src/core/util/cancellation';
import { GrowableUint32Array } from '../../../../src/core/logs/viewer/growableArray';
import { LogIndex } from '../../../../src/core/logs/viewer/logIndex';
import { FilterRun, canPrefilter, compileTextFilter, type RecordFilter } from '../../../../src/core/logs/viewer/recordFilter';
import { MergedOrder, SingleLogOrder, type TimelineOrder } from '../../../../src/core/logs/viewer/timelineOrder';
import { cmtraceStore, immediate } from './support';

const RECORDS = [
  { time: '10:00:00.000', component: 'TSManager', type: 1, message: 'Start executing an instruction. Instruction name: Apply OS. Instruction pointer: 3' },
  { time: '10:00:01.000', component: 'ApplyOperatingSystem', type: 1, message: 'Downloading file /SMS_DP_SMSPKG$/P0100005/install.wim' },
  { time: '10:00:02.000', component: 'ApplyOperatingSystem', type: 2, message: 'Retrying download: DOWNLOAD stalled' },
  { time: '10:05:00.000', component: 'TSManager', type: 3, message: 'Failed to run the action: Apply OS.\r\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)' },
  { time: '10:05:01.000', component: 'TSManager', type: 1, message: 'Process completed with exit code 2147942402' },
] as const;

function setup(): { index: LogIndex; order: TimelineOrder } {
  const index = new LogIndex(cmtraceStore(RECORDS.map((r) => ({ ...r }))));
  index.extend();
  return { index, order: new SingleLogOrder(index) };
}

async function run(filter: RecordFilter, env = setup()): Promise<{ base: number[]; visible: number[] }> {
  const base = new GrowableUint32Array();
  const visible = new GrowableUint32Array();
  await new FilterRun(filter, env.order, [env.index], { yieldControl: immediate }).run(0, env.order.length, base, visible);
  return { base: [...base.view()], visible: [...visible.view()] };
}

describe('viewer: filters', () => {
  it('finds text in the message, ignoring case, and not in the time or component attributes', async () => {
    assert.deepEqual((await run({ text: 'download' })).visible, [1, 2]);
    // "TSManager" is the component of records 0, 3, 4 but appears in no message.
    assert.deepEqual((await run({ text: 'TSManager' })).visible, []);
    // "10:05" is in the time attribute only.
    assert.deepEqual((await run({ text: '10:05' })).visible, []);
  });

  it('respects match case', async () => {
    assert.deepEqual((await run({ text: 'DOWNLOAD', matchCase: true })).visible, [2]);
  });

  it('matches regular expressions, on every line of a multi-line message', async () => {
    assert.deepEqual((await run({ text: 'Error: 8007\\d{4}', regex: true })).visible, [3]);
    assert.deepEqual((await run({ text: 'exit code \\d+', regex: true })).visible, [4]);
    // Anchored: the raw text starts with <![LOG[, so this must be checked on the message itself.
    assert.deepEqual((await run({ text: '^(Failed|Process)', regex: true })).visible, [3, 4]);
    assert.equal(canPrefilter(/^Failed/), false);
    assert.equal(canPrefilter(/Failed \^ here/), true, 'an escaped caret is a literal');
    assert.equal(canPrefilter(/Failed to run/), true);
    // The raw text goes on with `]LOG]!>` after a message and keeps its CRLF line breaks.
    assert.deepEqual((await run({ text: '2147942402(?!\\])', regex: true })).visible, [4]);
    assert.deepEqual((await run({ text: 'Apply OS\\.\\nThe system', regex: true })).visible, [3]);
    assert.equal(canPrefilter(/Failed\\n/), true, 'an escaped backslash before n is a literal');
  });

  it('reports an invalid regular expression instead of throwing', () => {
    const compiled = compileTextFilter({ text: 'Failed (to', regex: true });
    assert.equal(compiled.ok, false);
    if (!compiled.ok) assert.match(compiled.error, /Unterminated group|unterminated/i);
    assert.throws(() => new FilterRun({ text: '[', regex: true }, setup().order, [setup().index]), SyntaxError);
    // The same text as a plain substring is fine.
    assert.equal(compileTextFilter({ text: 'Failed (to' }).ok, true);
  });

  it('filters by severity and component', async () => {
    assert.deepEqual((await run({ severities: ['error', 'warning'] })).visible, [2, 3]);
    assert.deepEqual((await run({ components: ['ApplyOperatingSystem'] })).visible, [1, 2]);
    assert.deepEqual((await run({ components: ['TSManager'], severities: ['info'] })).visible, [0, 4]);
    assert.deepEqual((await run({ components: ['NoSuchComponent'] })).visible, []);
  });

  it('applies the time range to the visible list only, so the histogram still sees every bin', async () => {
    const env = setup();
    const from = env.index.keyAt(3);
    const result = await run({ fromMs: from, toMs: from + 60_000 }, env);
    assert.deepEqual(result.visible, [3, 4]);
    assert.deepEqual(result.base, [0, 1, 2, 3, 4]);
    const both = await run({ severities: ['error'], fromMs: null, toMs: env.index.keyAt(1) }, env);
    assert.deepEqual(both.visible, []);
    assert.deepEqual(both.base, [3]);
  });

  it('hides the logs the person switched off in a merged view', async () => {
    const a = new LogIndex(cmtraceStore([{ time: '10:00:00.000', message: 'a' }]));
    const b = new LogIndex(cmtraceStore([{ time: '10:00:01.000', message: 'b' }], 'b.log'));
    a.extend();
    b.extend();
    const order = new MergedOrder([a, b]);
    const visible = new GrowableUint32Array();
    await new FilterRun({ hiddenLogs: [0] }, order, [a, b], { yieldControl: immediate }).run(0, order.length, new GrowableUint32Array(), visible);
    assert.deepEqual([...visible.view()], [1]);
  });

  it('stops with CancellationError when a newer filter replaces it', async () => {
    let cancelled = false;
    const env = setup();
    const filterRun = new FilterRun({ text: 'x' }, env.order, [env.index], {
      yieldControl: async () => {
        cancelled = true;
      },
      isCancelled: () => cancelled,
      sliceMs: -1,
    });
    await assert.rejects(filterRun.run(0, env.order.length, new GrowableUint32Array(), new GrowableUint32Array()), CancellationError);
  });
});
