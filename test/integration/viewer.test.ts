import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LogViewerTestView } from '../../src/webviews/logViewer/LogViewerPanel';
import { EMPTY_FILTER } from '../../src/webviews/logViewer/protocol';
import type { ViewerTestingApi } from '../../src/webviews/registerWebviews';
import { activateExtension, waitFor, waitForWebviewReady, workspaceFile } from './helpers';

async function viewerApi(): Promise<ViewerTestingApi> {
  const api = await activateExtension();
  const viewer = api.testing?.viewer;
  if (!viewer) throw new Error('the viewer test hooks need SCCM_TEST_RUN=1');
  return viewer;
}

/** The viewer showing exactly these files, once its webview has loaded and said "ready". */
async function viewerFor(api: ViewerTestingApi, ...uris: vscode.Uri[]): Promise<LogViewerTestView> {
  const wanted = uris.map((u) => u.toString()).join('|');
  const view = await waitFor('the viewer panel', () => api.viewers().find((v) => v.uris.map((u) => u.toString()).join('|') === wanted));
  await view.loaded;
  await waitForWebviewReady('the viewer', view);
  return view;
}

function countLines(file: vscode.Uri, pattern: RegExp): number {
  return fs.readFileSync(file.fsPath, 'utf8').split(/\r\n/).filter((l) => pattern.test(l)).length;
}

describe('Log viewer webview', function () {
  this.timeout(60000);
  const cas = workspaceFile('viewer', 'CAS.log');
  const dts = workspaceFile('viewer', 'DataTransferService.log');
  const smsts = workspaceFile('viewer', 'smsts.log');
  let temp: string;

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-viewer-'));
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // "Close All Editors" resolves before every panel is disposed (custom editors close later):
    // a test that opened the same log would otherwise get the panel that is being closed.
    const api = await viewerApi();
    await waitFor('every viewer and timeline to close', () => (api.viewers().length === 0 && api.timelines().length === 0 ? true : undefined), 20000);
  });
  after(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('opens a log through "Open Log Viewer"; the webview loads, asks for rows and breaks no CSP rule', async () => {
    const api = await viewerApi();
    await vscode.commands.executeCommand('sccm.logs.openViewer', cas);
    const view = await viewerFor(api, cas);
    assert.equal(view.viewType, 'sccm.logViewerPanel');
    assert.equal(view.model.total, countLines(cas, /<!\[LOG\[/));
    await waitFor('a row page request from the grid', () => (view.requests.get('rows') ? true : undefined), 20000);
    assert.ok(view.events.includes('summary'));
    assert.ok(view.events.includes('findings'));
    const summary = view.model.summary({ done: true, bytes: 0, totalBytes: 0, stopped: null });
    assert.equal(summary.counts.error, countLines(cas, /type="3"/));
    assert.ok(view.model.findings.length > 0, 'the knowledge base finds the download failures');
    assert.deepEqual(view.cspViolations, []);
  });

  it('filters with the messages the webview sends: text, severity, and an invalid regex', async () => {
    const api = await viewerApi();
    await vscode.commands.executeCommand('sccm.logs.openViewer', cas);
    const view = await viewerFor(api, cas);
    await view.receive({ type: 'filter', filter: { ...EMPTY_FILTER, text: 'failed to download' } });
    assert.equal(view.model.visibleCount, countLines(cas, /Failed to download content/));
    assert.ok(view.model.rows(0, 5).every((r) => /Failed to download/.test(r.text)));
    await view.receive({ type: 'filter', filter: { ...EMPTY_FILTER, severities: ['warning'] } });
    assert.equal(view.model.visibleCount, countLines(cas, /type="2"/));
    await view.receive({ type: 'filter', filter: { ...EMPTY_FILTER, text: 'Error (0x', regex: true } });
    const summary = view.model.summary({ done: true, bytes: 0, totalBytes: 0, stopped: null });
    assert.ok(summary.filterError, 'the regex error is reported');
    assert.equal(view.model.visibleCount, countLines(cas, /type="2"/), 'the list keeps the last good filter');
    // A message outside the protocol is dropped, not handled.
    await view.receive({ type: 'filter', filter: { text: 42 } });
    assert.equal(view.model.visibleCount, countLines(cas, /type="2"/));
  });

  it('merges two logs into one UTC timeline with each row tagged with its log', async () => {
    const api = await viewerApi();
    await vscode.commands.executeCommand('sccm.logs.mergeLogs', cas, [cas, dts]);
    const view = await viewerFor(api, cas, dts);
    assert.equal(view.model.total, countLines(cas, /<!\[LOG\[/) + countLines(dts, /<!\[LOG\[/));
    const rows = view.model.rows(0, 2000);
    const times = rows.map((r) => Date.parse(r.utc ?? ''));
    for (let i = 1; i < times.length; i++) assert.ok(times[i] >= times[i - 1], `row ${i} is not before row ${i - 1}`);
    assert.deepEqual(new Set(rows.map((r) => r.log)), new Set([0, 1]));
    assert.deepEqual(view.model.logs.map((l) => l.name), ['CAS.log', 'DataTransferService.log']);
  });

  it('shows rows a live log appends, and keeps the records of a rolled-over log as its .lo_', async () => {
    const api = await viewerApi();
    const live = path.join(temp, 'CAS.log');
    fs.copyFileSync(cas.fsPath, live);
    const uri = vscode.Uri.file(live);
    await vscode.commands.executeCommand('sccm.logs.openViewer', uri);
    const view = await viewerFor(api, uri);
    const before = view.model.total;
    const line = (n: number, message: string): string =>
      `<![LOG[${message}]LOG]!><time="11:59:0${n}.000+240" date="03-14-2024" component="CAS" context="" type="3" thread="1" file="x.cpp:1">\r\n`;
    fs.appendFileSync(live, line(1, 'Tail test: appended record'));
    await view.checkTails();
    assert.equal(view.model.total, before + 1);
    assert.equal(view.model.rows(view.model.visibleCount - 1, 1)[0].text, 'Tail test: appended record');
    // Rollover: ConfigMgr renames the log to .lo_ and starts a new one.
    fs.appendFileSync(live, line(2, 'Written just before the rollover'));
    fs.renameSync(live, path.join(temp, 'CAS.lo_'));
    fs.writeFileSync(live, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line(3, 'First record of the new log'))]));
    await view.checkTails();
    await waitFor('the new log', () => (view.model.logs.length === 2 ? true : undefined));
    assert.deepEqual(view.model.logs.map((l) => l.name), ['CAS.lo_', 'CAS.log']);
    assert.equal(view.model.total, before + 3);
    const last = view.model.rows(view.model.visibleCount - 2, 2).map((r) => r.text);
    assert.deepEqual(last, ['Written just before the rollover', 'First record of the new log']);
  });

  it('opens as the custom editor through "Reopen Editor With…" (vscode.openWith)', async () => {
    const api = await viewerApi();
    await vscode.commands.executeCommand('vscode.openWith', dts, 'sccm.logViewer');
    const view = await viewerFor(api, dts);
    assert.equal(view.viewType, 'sccm.logViewer');
    assert.equal(view.model.total, countLines(dts, /<!\[LOG\[/));
  });

  it('opens the record of a finding and "Go to line" in the text editor', async () => {
    const api = await viewerApi();
    await vscode.commands.executeCommand('sccm.logs.openViewer', cas);
    const view = await viewerFor(api, cas);
    const finding = view.model.findings[0];
    await view.receive({ type: 'revealFinding', id: finding.id });
    assert.ok(view.events.includes('reveal'));
    await view.receive({ type: 'openLine', log: 0, line: finding.line });
    const editor = await waitFor('the text editor', () => (vscode.window.activeTextEditor?.document.uri.fsPath === cas.fsPath ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, finding.line - 1);
  });

  it('shows the task-sequence timeline of smsts.log with the failing step explained', async () => {
    const api = await viewerApi();
    await vscode.commands.executeCommand('sccm.logs.showTimeline', smsts);
    const timeline = await waitFor('the timeline panel', () => api.timelines().find((t) => t.uri.toString() === smsts.toString()));
    await timeline.loaded;
    await waitForWebviewReady('the timeline', timeline);
    const t = timeline.timeline;
    assert.ok(t);
    const failed = t.steps[t.failedStep ?? -1];
    assert.equal(failed.name, 'Install Application');
    assert.equal(failed.errorCode, '0x80070002');
    assert.ok(timeline.explanation, 'the diagnoser explains the failure');
    assert.deepEqual(timeline.cspViolations, []);
    // A click on the step opens the viewer with its record selected.
    await timeline.receive({ type: 'openStep', order: failed.order, target: 'viewer' });
    const view = await viewerFor(api, smsts);
    assert.equal(view.model.total, 42);
    // Another step selects its record in that viewer instead of opening one more panel.
    const other = t.steps.find((s) => s.order !== failed.order && s.kind === 'action');
    assert.ok(other);
    await timeline.receive({ type: 'openStep', order: other.order, target: 'viewer' });
    await waitFor('the record revealed in the open viewer', () => (view.events.includes('reveal') ? true : undefined), 20000);
    assert.equal(api.viewers().filter((v) => v.uris.length === 1 && v.uris[0].toString() === smsts.toString()).length, 1);
  });
});
