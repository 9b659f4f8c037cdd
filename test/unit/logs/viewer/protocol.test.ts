import * as assert from 'node:assert/strict';
import { EMPTY_FILTER, parseViewerEvent, parseViewerRequest, isViewerWebviewState, filterOrEmpty } from '../../../../src/webviews/logViewer/protocol';
import { formatDuration, parseDisplayTime, zoneLabel } from '../../../../src/webviews/logViewer/timeText';
import { parseTimelineEvent, parseTimelineRequest } from '../../../../src/webviews/timeline/protocol';

describe('viewer: webview message validation', () => {
  it('accepts well-formed requests from the webview', () => {
    assert.deepEqual(parseViewerRequest({ type: 'ready' }), { type: 'ready' });
    const rows = { type: 'rows', requestId: 3, version: 1, start: 200, count: 100 };
    assert.deepEqual(parseViewerRequest(rows), rows);
    const filter = { type: 'filter', filter: { ...EMPTY_FILTER, text: 'Failed', severities: ['error'] } };
    assert.deepEqual(parseViewerRequest(filter), filter);
    assert.ok(parseViewerRequest({ type: 'select', log: 0, record: 12 }));
  });

  it('drops requests with an unknown type, a missing or wrong field, or an absurd size', () => {
    assert.equal(parseViewerRequest({ type: 'deleteFile', path: '/etc/passwd' }), undefined);
    assert.equal(parseViewerRequest({ type: 'rows', requestId: 1, version: 1, start: -5, count: 10 }), undefined);
    assert.equal(parseViewerRequest({ type: 'rows', requestId: 1, version: 1, start: 0, count: 1e9 }), undefined);
    assert.equal(parseViewerRequest({ type: 'select', log: '0', record: 1 }), undefined);
    assert.equal(parseViewerRequest({ type: 'filter', filter: { ...EMPTY_FILTER, severities: ['fatal'] } }), undefined);
    assert.equal(parseViewerRequest({ type: 'filter', filter: { ...EMPTY_FILTER, fromMs: Number.NaN } }), undefined);
    assert.equal(parseViewerRequest({ type: 'lookupCode', code: 'x'.repeat(100) }), undefined);
    assert.equal(parseViewerRequest(null), undefined);
    assert.equal(parseViewerRequest(['ready']), undefined);
    assert.equal(parseViewerRequest({ type: 'toString' }), undefined, 'no prototype keys');
  });

  it('checks events the extension sends before the webview uses them', () => {
    assert.ok(parseViewerEvent({ type: 'notice', message: 'Loading stopped' }));
    assert.equal(parseViewerEvent({ type: 'rows', requestId: 1, version: 1, start: 0, rows: [{ row: 0 }] }), undefined);
    assert.equal(parseViewerEvent({ type: 'reveal', row: -1, log: 0, record: 0 }), undefined);
  });

  it('restores only a state that has the right shape', () => {
    const state = { uris: ['file:///c%3A/Windows/CCM/Logs/CAS.log'], filter: EMPTY_FILTER, selected: { log: 0, record: 5 }, topRow: 0, follow: true };
    assert.equal(isViewerWebviewState(state), true);
    assert.equal(isViewerWebviewState({ ...state, selected: { log: 0 } }), false);
    assert.deepEqual(filterOrEmpty({ text: 1 }), EMPTY_FILTER);
  });

  it('validates the timeline messages too', () => {
    assert.deepEqual(parseTimelineRequest({ type: 'openStep', order: 4, target: 'editor' }), { type: 'openStep', order: 4, target: 'editor' });
    assert.equal(parseTimelineRequest({ type: 'openStep', order: 4, target: 'terminal' }), undefined);
    assert.equal(parseTimelineEvent({ type: 'timeline', title: 't', uri: 'u', fileName: 'smsts.log', timeline: { steps: 'x' }, explanation: null, state: null }), undefined);
    const timeline = { steps: [], reboots: [], phases: [], failedStep: null, outcome: 'unknown', startMs: null, endMs: null };
    assert.ok(parseTimelineEvent({ type: 'timeline', title: 't', uri: 'u', fileName: 'smsts.log', timeline, explanation: null, state: null }));
  });
});

describe('viewer: time text', () => {
  it('reads full and clock-only times typed in the time filter', () => {
    const reference = Date.UTC(2024, 2, 14, 23, 0, 0);
    assert.equal(parseDisplayTime('2024-03-14 10:05:07.25', reference), Date.UTC(2024, 2, 14, 10, 5, 7, 250));
    assert.equal(parseDisplayTime('10:05', reference), Date.UTC(2024, 2, 14, 10, 5, 0));
    assert.equal(parseDisplayTime('', reference), undefined);
    assert.equal(parseDisplayTime('25:00', reference), null);
    assert.equal(parseDisplayTime('2024-02-30 10:00', reference), null);
    assert.equal(parseDisplayTime('yesterday', reference), null);
  });

  it('writes zones the Windows way round (bias +240 is UTC−4) and short durations', () => {
    assert.equal(zoneLabel(240), 'UTC\u221204:00');
    assert.equal(zoneLabel(-330), 'UTC+05:30');
    assert.equal(zoneLabel(0), 'UTC+00:00');
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(380_559), '6 min 21 s');
    assert.equal(formatDuration(7_380_000), '2 h 03 min');
  });
});
