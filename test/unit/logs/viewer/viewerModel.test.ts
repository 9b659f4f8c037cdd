import * as assert from 'node:assert/strict';
import { LogParser } from '../../../../src/core/logs/logParser';
import type { Finding } from '../../../../src/core/logs/types';
import { EMPTY_FILTER, parseViewerEvent, type LoadingDto, type ViewerFilter } from '../../../../src/webviews/logViewer/protocol';
import { ViewerModel } from '../../../../src/webviews/logViewer/ViewerModel';
import { cmtraceStore, cmtraceText, immediate, type FakeRecord } from './support';

const DONE: LoadingDto = { done: true, bytes: 0, totalBytes: 0, stopped: null };

function filter(changes: Partial<ViewerFilter>): ViewerFilter {
  return { ...EMPTY_FILTER, ...changes };
}

function numbered(n: number, at = 0): FakeRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const k = at + i;
    const s = String(k % 60).padStart(2, '0');
    const m = String(Math.floor(k / 60) % 60).padStart(2, '0');
    return { time: `10:${m}:${s}.000`, bias: '+240', type: k % 10 === 0 ? 3 : 1, component: k % 2 ? 'Odd' : 'Even', message: `record ${k}${k % 7 === 0 ? '\r\nsecond line' : ''}` } as FakeRecord;
  });
}

async function modelOf(...stores: ReturnType<typeof cmtraceStore>[]): Promise<ViewerModel> {
  const model = new ViewerModel({ yieldControl: immediate });
  for (const store of stores) model.addLog(store, { path: store.path });
  await model.rebuild();
  return model;
}

describe('viewer: model (rows, filters, merge, tail)', () => {
  it('serves row pages by index with the first line of each message', async () => {
    const model = await modelOf(cmtraceStore(numbered(500)));
    assert.equal(model.total, 500);
    const page = model.rows(200, 50);
    assert.equal(page.length, 50);
    assert.deepEqual(page.map((r) => r.row), Array.from({ length: 50 }, (_, i) => 200 + i));
    assert.equal(page[0].text, 'record 200');
    const multi = model.rows(203, 1)[0];
    assert.equal(multi.text, 'record 203');
    assert.equal(multi.more, true, '203 = 7 × 29 has a second line');
    assert.equal(page[0].time, '2024-03-14 10:03:20.000');
    assert.equal(page[0].utc, '2024-03-14T14:03:20.000Z');
    // Records 0, 7, ..., 196 (29 of them) take two lines each.
    assert.equal(page[0].line, 200 + 29 + 1);
    assert.equal(model.rows(495, 50).length, 5, 'the last page is short');
    assert.equal(model.rows(600, 10).length, 0);
  });

  it('lists the components of the records, also of those a tail appends', async () => {
    const parser = new LogParser({ path: 'C:\\Windows\\CCM\\Logs\\CAS.log' });
    parser.push(Buffer.from(cmtraceText(numbered(4))));
    const model = new ViewerModel({ yieldControl: immediate });
    model.addLog(parser.store, { path: parser.store.path });
    await model.rebuild();
    assert.deepEqual(model.summary(DONE).components, ['Even', 'Odd']);
    parser.push(Buffer.from(cmtraceText([{ time: '11:00:00.000', component: 'CcmExec', message: 'new' }])));
    await model.recordsAppended();
    assert.deepEqual(model.summary(DONE).components, ['CcmExec', 'Even', 'Odd']);
  });

  it('counts "N of M" and filters in the model; an invalid regex keeps the list and reports the error', async () => {
    const model = await modelOf(cmtraceStore(numbered(100)));
    const outcome = await model.setFilter(filter({ severities: ['error'] }));
    assert.deepEqual(outcome, { ok: true, visible: 10 });
    assert.deepEqual(model.rows(0, 3).map((r) => r.text), ['record 0', 'record 10', 'record 20']);
    const bad = await model.setFilter(filter({ text: 'record (', regex: true }));
    assert.equal(bad.ok, false);
    const summary = model.summary(DONE);
    assert.equal(summary.visible, 10, 'the last good filter still applies');
    assert.equal(summary.total, 100);
    assert.ok(summary.filterError);
    await model.setFilter(filter({ components: ['Odd'], text: 'record 1' }));
    // record 1, 11..19 odd ones: 1, 11, 13, 15, 17, 19
    assert.deepEqual(model.rows(0, 100).map((r) => r.record), [1, 11, 13, 15, 17, 19]);
    assert.equal(model.summary(DONE).filterError, null);
  });

  it('cancels a running filter when a newer one arrives', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const model = new ViewerModel({ yieldControl: () => gate });
    model.addLog(cmtraceStore(numbered(5000)), { path: 'big.log' });
    await model.rebuild();
    const slow = model.setFilter(filter({ text: 'record 4', regex: true }));
    const fast = model.setFilter(filter({ severities: ['error'] }));
    release();
    assert.deepEqual(await slow, { ok: false, cancelled: true });
    assert.deepEqual(await fast, { ok: true, visible: 500 });
  });

  it('shows merged logs in one UTC timeline, tags rows with their log and explains logs without a zone', async () => {
    const ny = cmtraceStore([{ time: '10:00:00.000', bias: '+240', message: 'ny 14:00Z' }, { time: '10:02:00.000', bias: '+240', message: 'ny 14:02Z' }], 'C:\\Logs\\ny.log');
    const berlin = cmtraceStore([{ time: '15:01:00.000', bias: '-60', message: 'berlin 14:01Z' }], 'C:\\Logs\\berlin.log');
    const model = await modelOf(ny, berlin);
    assert.deepEqual(model.rows(0, 10).map((r) => `${r.log}:${r.text}`), ['0:ny 14:00Z', '1:berlin 14:01Z', '0:ny 14:02Z']);
    const summary = model.summary(DONE);
    assert.equal(summary.axis.clock, 'utc', 'two zones: the axis is UTC');
    assert.deepEqual(summary.unzonedLogs, []);
    assert.deepEqual(summary.logs.map((l) => l.name), ['ny.log', 'berlin.log']);
    await model.setFilter(filter({ hiddenLogs: [0] }));
    assert.deepEqual(model.rows(0, 10).map((r) => r.text), ['berlin 14:01Z']);
  });

  it('appends what a live tail parsed, filtering only the new records', async () => {
    const parser = new LogParser({ path: 'C:\\Windows\\CCM\\Logs\\CAS.log' });
    parser.push(Buffer.from(cmtraceText(numbered(30))));
    const model = new ViewerModel({ yieldControl: immediate });
    model.addLog(parser.store, { path: parser.store.path, live: true });
    await model.rebuild();
    await model.setFilter(filter({ severities: ['error'] }));
    assert.equal(model.visibleCount, 3);
    const versionBefore = model.version;
    parser.push(Buffer.from(cmtraceText(numbered(20, 30))));
    await model.recordsAppended();
    assert.equal(model.total, 50);
    assert.equal(model.visibleCount, 5);
    assert.deepEqual(model.rows(3, 2).map((r) => r.text), ['record 30', 'record 40']);
    const summary = model.summary(DONE);
    assert.ok(summary.version > versionBefore);
    assert.equal(summary.changedFrom, 3, 'rows before the new ones stay valid');
  });

  it('builds a detail with local time, UTC, zone and the official message of each error code', async () => {
    const store = cmtraceStore([{ time: '10:30:43.112', bias: '+240', component: 'TSManager', type: 3, message: 'Failed to run the action: Apply OS.\r\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)' }]);
    const model = await modelOf(store);
    const detail = model.detail(0, 0);
    assert.ok(detail);
    assert.equal(detail.localTime, '2024-03-14T10:30:43.112');
    assert.equal(detail.utc, '2024-03-14T14:30:43.112Z');
    assert.equal(detail.zone, 'UTC\u221204:00');
    assert.equal(detail.message.split('\n').length, 2);
    assert.equal(detail.codes[0].code, '0x80070002');
    assert.match(detail.codes[0].message ?? '', /cannot find the file specified/i);
    assert.equal(detail.sourceFile, 'test.cpp:1');
    assert.equal(model.detail(0, 5), null);
  });

  it('keeps findings with their record and finds the row they are on', async () => {
    const model = await modelOf(cmtraceStore(numbered(40)));
    const finding: Finding = { line: 21, endLine: 21, severity: 'error', rule: 'TEST', code: null, codeMessage: null, title: 'Something', cause: 'c', fix: 'f', reference: null, recordIndex: 20 };
    model.setFindings(0, [finding]);
    assert.equal(model.findings.length, 1);
    assert.equal(model.rowOf(0, 20), 20);
    await model.setFilter(filter({ severities: ['error'] }));
    assert.equal(model.rowOf(0, 20), 2);
    assert.equal(model.rowOf(0, 21), -1, 'hidden by the filter');
    assert.equal(model.detail(0, 20)?.findings[0].title, 'Something');
  });

  it('says whether new findings change the list (a live log mostly appends none)', async () => {
    const model = await modelOf(cmtraceStore(numbered(40)));
    const finding: Finding = { line: 21, endLine: 21, severity: 'error', rule: 'TEST', code: null, codeMessage: null, title: 'Something', cause: 'c', fix: 'f', reference: null, recordIndex: 20 };
    assert.equal(model.setFindings(0, [finding]), true);
    assert.equal(model.setFindings(0, [{ ...finding }]), false, 'the same finding again');
    assert.equal(model.setFindings(0, [{ ...finding, cause: 'another cause' }]), true);
    assert.equal(model.setFindings(0, [{ ...finding, cause: 'another cause' }, { ...finding, recordIndex: 30, line: 31 }]), true);
    assert.equal(model.setFindings(0, []), true);
  });

  it('labels the axis with the log’s own clock when it has one zone', async () => {
    const model = await modelOf(cmtraceStore(numbered(5)));
    const summary = model.summary(DONE);
    assert.equal(summary.axis.offsetMs, -240 * 60_000);
    assert.deepEqual({ clock: summary.axis.clock, zone: summary.axis.zone }, { clock: 'local', zone: 'UTC\u221204:00' });
    assert.ok(summary.histogram);
    assert.equal(summary.histogram.totals.reduce((a, b) => a + b, 0), 5);
  });

  it('sends only what the webview accepts: its checks drop any other event', async () => {
    // One log with a zone, one without (an unzoned note and a UTC axis), and a code with no known message.
    const zoned = cmtraceStore([{ time: '10:00:00.000', bias: '+240', type: 3, message: 'Failed with 0x80070002 and 0x8BADF00D' }], 'C:\\Logs\\a.log');
    const unzoned = cmtraceStore([{ time: '10:01:00.000', bias: '', message: 'no zone' }], 'C:\\Logs\\b.log');
    for (const model of [await modelOf(zoned), await modelOf(zoned, unzoned)]) {
      const summary = model.summary(DONE);
      assert.ok(parseViewerEvent({ type: 'summary', summary }), `summary dropped: ${JSON.stringify(summary.axis)}`);
      assert.ok(parseViewerEvent({ type: 'rows', requestId: 1, version: model.version, start: 0, rows: model.rows(0, 10) }));
      const detail = model.detail(0, 0);
      assert.ok(detail && detail.codes.length === 2);
      assert.ok(parseViewerEvent({ type: 'detail', detail }), 'detail dropped');
    }
    const merged = (await modelOf(zoned, unzoned)).summary(DONE);
    assert.equal(merged.axis.clock, 'utcMixed');
    assert.deepEqual(merged.unzonedLogs, ['b.log']);
  });
});
