import './styles.css';
import { EMPTY_FILTER, isViewerWebviewState, parseViewerEvent, type SummaryDto, type ViewerEvent, type ViewerFilter, type ViewerRequest, type ViewerWebviewState } from '../../src/webviews/logViewer/protocol';
import { h } from '../shared/dom';
import { t } from '../shared/l10n';
import { reportCspViolations, vscodeApi } from '../shared/vscodeApi';
import { DetailPane } from './detailPane';
import { FilterBar } from './filterBar';
import { FindingsList } from './findingsList';
import { VirtualGrid } from './grid';
import { HistogramView } from './histogramView';
import { installKeyboard } from './keyboard';
import { Legend } from './legend';
import { RowCache } from './rowCache';

const vscode = vscodeApi<ViewerWebviewState>();
const post = (request: ViewerRequest): void => vscode.postMessage(request);
reportCspViolations(post);

const saved = vscode.getState();
let state: ViewerWebviewState = isViewerWebviewState(saved) ? saved : { uris: [], filter: { ...EMPTY_FILTER }, selected: null, topRow: 0, follow: false };
let summary: SummaryDto | null = null;
let restoredView = false;
/** The record the person selected: kept across filters (its row changes). */
let selectedRecord = state.selected;
let pendingReveal = false;
/** A row selected before its data arrived. */
let pendingRow: number | null = null;

function save(changes: Partial<ViewerWebviewState>): void {
  state = { ...state, ...changes };
  vscode.setState(state);
}

const cache = new RowCache((requestId, version, start, count) => post({ type: 'rows', requestId, version, start, count }));

const grid = new VirtualGrid({
  rowAt: (row) => cache.get(row),
  needRows: (start, end) => cache.ensure(start, end, grid.rowCount),
  selected: (row) => {
    const data = cache.get(row);
    if (data) {
      pendingRow = null;
      selectRecord(data.log, data.record, false);
    } else {
      // The row's page is on its way: the record is known when it arrives.
      pendingRow = row;
      selectedRecord = null;
      if (detailTimer) clearTimeout(detailTimer);
    }
  },
  activated: (row) => {
    const data = cache.get(row);
    if (data) selectRecord(data.log, data.record, true);
  },
  scrolled: (topRow) => saveTop(topRow),
});

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveTop(topRow: number): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => save({ topRow }), 200);
}

let detailTimer: ReturnType<typeof setTimeout> | undefined;
function selectRecord(log: number, record: number, focusDetail: boolean): void {
  selectedRecord = { log, record };
  save({ selected: selectedRecord });
  if (detailTimer) clearTimeout(detailTimer);
  // Arrow keys move fast: ask for the detail once the selection rests.
  detailTimer = setTimeout(() => post({ type: 'select', log, record }), focusDetail ? 0 : 80);
  if (focusDetail) {
    app.classList.remove('detail-closed');
    requestAnimationFrame(() => detail.element.focus());
  }
}

const filterBar = new FilterBar(state.filter, state.follow, {
  filterChanged: (filter: ViewerFilter) => {
    save({ filter });
    post({ type: 'filter', filter });
  },
  followChanged: (follow) => {
    save({ follow });
    if (follow) grid.scrollToEnd();
  },
  openTimeline: () => post({ type: 'openTimeline' }),
});

const legend = new Legend((log) => filterBar.toggleLog(log));
const histogram = new HistogramView({
  rangeChosen: (range) => filterBar.setTimeRange(range?.fromMs ?? null, range?.toMs ?? null),
});
const detail = new DetailPane({
  openLine: (log, line) => post({ type: 'openLine', log, line }),
  lookupCode: (code) => post({ type: 'lookupCode', code }),
  closed: () => {
    app.classList.add('detail-closed');
    grid.focus();
  },
});
const findings = new FindingsList((id) => {
  pendingReveal = true;
  post({ type: 'revealFinding', id });
});
const notice = h('div', { class: 'notice', role: 'status', hidden: true });

const app = document.getElementById('app') as HTMLElement;
app.classList.add('viewer');
const gridRegion = h('section', { class: 'grid-region', 'data-region': 'grid', 'aria-label': t('Records') }, grid.element);
app.append(filterBar.element, legend.element, histogram.element, notice, h('main', { class: 'body' }, gridRegion, findings.element), detail.element);
installKeyboard({
  regions: () => [filterBar.text, grid.element, detail.element, findings.element],
  focusFilter: () => filterBar.focusText(),
  escape: () => {
    // Hiding the pane would drop the focus of an element in it: the grid takes it back.
    const focusInDetail = detail.element.contains(document.activeElement);
    app.classList.add('detail-closed');
    if (focusInDetail) grid.focus();
  },
});

function onSummary(next: SummaryDto): void {
  const first = summary === null;
  summary = next;
  cache.update(next.version, next.changedFrom, next.visible);
  grid.setLogs(next.logs);
  grid.setTotal(next.visible);
  filterBar.update(next);
  legend.update(next.logs, next.filter.hiddenLogs, next.unzonedLogs);
  findings.setLogs(next.logs);
  histogram.update(next.histogram, next.axis, next.filter);
  if (first && !restoredView) {
    restoredView = true;
    filterBar.restore(state.filter, next.axis);
    if (!sameFilter(state.filter, next.filter)) post({ type: 'filter', filter: state.filter });
    if (selectedRecord) {
      pendingReveal = true;
      post({ type: 'select', log: selectedRecord.log, record: selectedRecord.record });
    } else if (state.topRow > 0) {
      grid.scrollToRow(state.topRow, 'top');
    }
  } else if (selectedRecord && next.changedFrom <= Math.max(0, grid.selection)) {
    // The selected record moved (new filter): find its row again.
    post({ type: 'select', log: selectedRecord.log, record: selectedRecord.record });
  }
  if (filterBar.following && next.loading.done) grid.scrollToEnd();
  grid.refresh();
}

function sameFilter(a: ViewerFilter, b: ViewerFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function onEvent(event: ViewerEvent): void {
  switch (event.type) {
    case 'init':
      save({ uris: event.uris });
      if (!isViewerWebviewState(saved) && event.state) {
        state = { ...event.state, uris: event.uris };
        selectedRecord = state.selected;
        save({});
      }
      filterBar.showTimelineButton(event.timeline);
      document.title = event.title;
      return;
    case 'summary':
      onSummary(event.summary);
      return;
    case 'rows':
      if (cache.accept(event.requestId, event.version, event.start, event.rows)) {
        grid.refresh();
        const data = pendingRow === null ? undefined : cache.get(pendingRow);
        if (data) {
          pendingRow = null;
          selectRecord(data.log, data.record, false);
        }
      }
      return;
    case 'detail': {
      const d = event.detail;
      // Only the detail of the record selected now (the selection may have moved on since).
      if (d && !pendingReveal && (selectedRecord?.log !== d.log || selectedRecord.record !== d.record)) return;
      detail.show(d);
      if (d) {
        selectedRecord = { log: d.log, record: d.record };
        save({ selected: selectedRecord });
        grid.setSelection(d.row, pendingReveal ? 'center' : 'none');
        pendingReveal = false;
      }
      return;
    }
    case 'findings':
      findings.update(event.findings);
      return;
    case 'reveal':
      // The extension chose the record (a finding, a timeline step): it is the selection now.
      selectedRecord = { log: event.log, record: event.record };
      save({ selected: selectedRecord });
      app.classList.remove('detail-closed');
      grid.setSelection(event.row, 'center');
      grid.focus();
      return;
    case 'notice':
      notice.textContent = event.message;
      notice.hidden = false;
      setTimeout(() => (notice.hidden = true), 6000);
      return;
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const event = parseViewerEvent(e.data);
  if (event) onEvent(event);
});
post({ type: 'ready' });
