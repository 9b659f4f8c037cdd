import type { Finding } from '../../core/logs/types';
import { CancellationError } from '../../core/util/cancellation';
import { yieldToEventLoop } from '../../core/util/eventLoop';
import { GrowableUint32Array } from '../../core/logs/viewer/growableArray';
import { buildHistogram, keyRange, type Histogram } from '../../core/logs/viewer/histogram';
import { LogIndex } from '../../core/logs/viewer/logIndex';
import { FilterRun, compileTextFilter, type RecordFilter } from '../../core/logs/viewer/recordFilter';
import type { ViewerStore } from '../../core/logs/viewer/storeAccess';
import { MergedOrder, SingleLogOrder, type TimelineOrder } from '../../core/logs/viewer/timelineOrder';
import { EMPTY_FILTER, type AxisDto, type DetailDto, type FindingDto, type LoadingDto, type LogInfo, type RowDto, type SummaryDto, type ViewerFilter } from './protocol';
import { zoneLabel } from './timeText';
import { codesInMessage, findingDto, rowFromEntry } from './viewerDtos';

export interface ViewerLog {
  readonly id: number;
  readonly index: LogIndex;
  name: string;
  path: string;
  live: boolean;
}

export interface ViewerModelOptions {
  /** Between slices of filtering work (default: setImmediate). */
  yieldControl?: () => Promise<void>;
  maxHistogramBins?: number;
}

export type FilterOutcome = { ok: true; visible: number } | { ok: false; error: string } | { ok: false; cancelled: true };

/**
 * Everything the log viewer shows, without VS Code: the loaded logs, their merged order,
 * the filter as a list of visible positions (typed arrays), the histogram, row pages and
 * details. The panel feeds it records and forwards its answers to the webview.
 *
 * Mutations (filter runs, records appended by a live tail) are serialised; a new filter
 * cancels the one still running. Readers (rows, detail) see the last complete result.
 */
export class ViewerModel {
  private readonly logList: ViewerLog[] = [];
  private order: TimelineOrder | undefined;
  private base = new GrowableUint32Array();
  private visibleRows = new GrowableUint32Array();
  private filterSpec: ViewerFilter = { ...EMPTY_FILTER };
  /** The last filter that compiled: what the visible list shows while the typed one has an error. */
  private activeFilter: ViewerFilter = { ...EMPTY_FILTER };
  private filterError: string | null = null;
  private generation = 0;
  private running = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private histogramCache: Histogram | null | undefined;
  private rangeCache: { total: number; range: ReturnType<typeof keyRange> } | undefined;
  private findingList: FindingDto[] = [];
  private versionNumber = 0;
  private changedFrom = 0;

  constructor(private readonly options: ViewerModelOptions = {}) {}

  get logs(): readonly ViewerLog[] {
    return this.logList;
  }

  get total(): number {
    return this.order?.length ?? 0;
  }

  get visibleCount(): number {
    return this.visibleRows.length;
  }

  get filter(): ViewerFilter {
    return this.filterSpec;
  }

  get version(): number {
    return this.versionNumber;
  }

  /** True while a filter runs. */
  get filtering(): boolean {
    return this.running > 0;
  }

  /** Visible row → timeline position (for tests and the bench). */
  positionAt(row: number): number {
    return this.visibleRows.at(row);
  }

  addLog(store: ViewerStore, info: { path: string; name?: string; live?: boolean }): ViewerLog {
    if (this.logList.length >= 255) throw new RangeError('at most 255 logs');
    const log: ViewerLog = { id: this.logList.length, index: new LogIndex(store), name: info.name ?? store.fileName, path: info.path, live: info.live ?? false };
    log.index.extend();
    this.logList.push(log);
    this.order = undefined;
    return log;
  }

  /** Builds the order again (after logs were added) and re-applies the filter. */
  rebuild(): Promise<FilterOutcome> {
    const indexes = this.logList.map((l) => l.index);
    for (const ix of indexes) ix.extend();
    this.order = indexes.length === 1 ? new SingleLogOrder(indexes[0]) : new MergedOrder(indexes);
    const filtered = this.setFilter(this.filterSpec);
    // The component list of the filter bar: one pass over the new records, in slices.
    return this.indexComponents().then(() => filtered);
  }

  /**
   * Takes the records the logs' stores gained (a load chunk, a live-tail append): places
   * them, filters only what changed and keeps everything before it.
   */
  recordsAppended(): Promise<void> {
    return this.serial(async () => {
      const order = this.order;
      if (!order) return;
      const oldLength = order.length;
      for (const log of this.logList) {
        log.index.extend();
        log.index.indexComponents();
      }
      const from = order instanceof MergedOrder ? order.update() : oldLength;
      if (order.length === from && from === oldLength) return;
      const baseKeep = this.base.lowerBound(from);
      const visibleKeep = this.visibleRows.lowerBound(from);
      this.base.truncate(baseKeep);
      this.visibleRows.truncate(visibleKeep);
      const run = new FilterRun(this.toRecordFilter(this.activeFilter), order, this.indexes, { yieldControl: this.options.yieldControl });
      await run.run(from, order.length, this.base, this.visibleRows);
      this.changed(visibleKeep);
    });
  }

  /** Applies a filter to every record; cancels a filter still running. */
  setFilter(filter: ViewerFilter): Promise<FilterOutcome> {
    const generation = ++this.generation;
    this.filterSpec = filter;
    const compiled = compileTextFilter(this.toRecordFilter(filter));
    if (!compiled.ok) {
      // The list stays as it was; the webview shows the error next to the field.
      this.filterError = compiled.error;
      this.changed(this.visibleRows.length);
      return Promise.resolve({ ok: false, error: compiled.error });
    }
    this.filterError = null;
    this.activeFilter = filter;
    return this.serial(async (): Promise<FilterOutcome> => {
      const order = this.order;
      if (!order || generation !== this.generation) return { ok: false, cancelled: true };
      const base = new GrowableUint32Array(order.length + 1);
      const visible = new GrowableUint32Array();
      const run = new FilterRun(this.toRecordFilter(filter), order, this.indexes, {
        yieldControl: this.options.yieldControl,
        isCancelled: () => generation !== this.generation,
      });
      this.running++;
      try {
        if (run.isEmpty) {
          for (let p = 0; p < order.length; p++) {
            base.push(p);
            visible.push(p);
          }
        } else {
          await run.run(0, order.length, base, visible);
        }
      } catch (err) {
        if (err instanceof CancellationError) return { ok: false, cancelled: true };
        throw err;
      } finally {
        this.running--;
      }
      this.base = base;
      this.visibleRows = visible;
      this.changed(0);
      return { ok: true, visible: visible.length };
    });
  }

  /** Rows [start, start + count) of the visible list. */
  rows(start: number, count: number): RowDto[] {
    const rows: RowDto[] = [];
    const order = this.order;
    if (!order) return rows;
    const end = Math.min(this.visibleRows.length, start + count);
    for (let row = start; row < end; row++) {
      const p = this.visibleRows.at(row);
      const log = order.logAt(p);
      rows.push(rowFromEntry(row, log, this.logList[log].index.store.entry(order.recordAt(p))));
    }
    return rows;
  }

  /** Visible row of a record, or -1 when the filter hides it. */
  rowOf(log: number, record: number): number {
    const p = this.order?.positionOf(log, record) ?? -1;
    if (p < 0) return -1;
    const row = this.visibleRows.lowerBound(p);
    return row < this.visibleRows.length && this.visibleRows.at(row) === p ? row : -1;
  }

  detail(log: number, record: number): DetailDto | null {
    const viewerLog = this.logList[log];
    if (!viewerLog || record >= viewerLog.index.recordCount) return null;
    const entry = viewerLog.index.store.entry(record);
    return {
      log,
      record,
      row: this.rowOf(log, record),
      logName: viewerLog.name,
      path: viewerLog.path,
      line: entry.line,
      endLine: entry.endLine,
      localTime: entry.localTime,
      utc: entry.utc,
      zone: entry.biasMinutes === null ? null : zoneLabel(entry.biasMinutes),
      component: entry.component,
      thread: entry.thread,
      severity: entry.severity,
      message: entry.message,
      sourceFile: entry.sourceFile ?? null,
      codes: codesInMessage(entry.message),
      findings: this.findingList.filter((f) => f.log === log && f.record === record),
    };
  }

  // ---- findings -------------------------------------------------------------------------

  get findings(): readonly FindingDto[] {
    return this.findingList;
  }

  /**
   * Replaces a log's findings (the diagnoser's latest answer for it). Returns whether the list
   * changed: a live log's appends mostly bring none, and the webview need not get them again.
   */
  setFindings(log: number, findings: readonly Finding[]): boolean {
    const others = this.findingList.filter((f) => f.log !== log);
    const mine = findings.map((f) => findingDto(0, log, f));
    const next = [...others, ...mine].sort((a, b) => a.log - b.log || a.record - b.record);
    next.forEach((f, i) => (f.id = i));
    const changed = next.length !== this.findingList.length || next.some((f, i) => !sameFinding(f, this.findingList[i]));
    this.findingList = next;
    return changed;
  }

  // ---- summary --------------------------------------------------------------------------

  summary(loading: LoadingDto): SummaryDto {
    const counts = { error: 0, warning: 0, info: 0 };
    const components = new Set<string>();
    for (const log of this.logList) {
      const c = log.index.store.counts;
      counts.error += c.error;
      counts.warning += c.warning;
      counts.info += c.info;
      for (const name of log.index.components) components.add(name);
    }
    const axis = this.axis();
    this.histogramCache ??= this.order
      ? buildHistogram(this.base.view(), this.order, this.indexes, { maxBins: this.options.maxHistogramBins ?? 120, displayOffsetMs: axis.offsetMs, range: this.fullRange() })
      : null;
    return {
      version: this.versionNumber,
      changedFrom: this.changedFrom,
      total: this.total,
      visible: this.visibleCount,
      counts,
      logs: this.logList.map((l): LogInfo => ({ id: l.id, name: l.name, path: l.path, records: l.index.recordCount, hasZone: l.index.hasZone, live: l.live })),
      components: [...components].sort((a, b) => a.localeCompare(b)),
      axis,
      histogram: this.histogramCache,
      unzonedLogs: this.unzonedLogs(),
      filter: this.filterSpec,
      filterError: this.filterError,
      filtering: this.filtering,
      loading,
    };
  }

  /** Indexes components of every log (in slices) so the component list is complete. */
  async indexComponents(): Promise<void> {
    const yieldControl = this.options.yieldControl ?? yieldToEventLoop;
    for (const log of this.logList) while (!log.index.indexComponents(16_384)) await yieldControl();
  }

  /** The clock the histogram and time filter use (see AxisDto). */
  axis(): AxisDto {
    const zoned = this.logList.filter((l) => l.index.hasZone);
    if (zoned.length === 0) return { offsetMs: 0, clock: 'localUnzoned' };
    if (zoned.length < this.logList.length) return { offsetMs: 0, clock: 'utcMixed' };
    const biases = new Set(zoned.flatMap((l) => biasesOf(l.index)));
    if (biases.size === 1) {
      const [bias] = [...biases];
      return { offsetMs: -bias * 60_000, clock: 'local', zone: zoneLabel(bias) };
    }
    return { offsetMs: 0, clock: 'utc' };
  }

  /** Time span of every record (the histogram's axis), recomputed when records arrive. */
  private fullRange(): ReturnType<typeof keyRange> {
    if (this.rangeCache?.total !== this.total) this.rangeCache = { total: this.total, range: keyRange(this.indexes) };
    return this.rangeCache.range;
  }

  /** Merged logs without a zone: they are placed by their local time, which the legend says. */
  private unzonedLogs(): string[] {
    if (this.logList.length < 2) return [];
    return this.logList.filter((l) => !l.index.hasZone && l.index.hasTimes).map((l) => l.name);
  }

  private get indexes(): LogIndex[] {
    return this.logList.map((l) => l.index);
  }

  private toRecordFilter(filter: ViewerFilter): RecordFilter {
    return {
      text: filter.text,
      regex: filter.regex,
      matchCase: filter.matchCase,
      severities: filter.severities,
      components: filter.components,
      hiddenLogs: filter.hiddenLogs,
      fromMs: filter.fromMs,
      toMs: filter.toMs,
    };
  }

  private changed(from: number): void {
    this.versionNumber++;
    this.changedFrom = from;
    this.histogramCache = undefined;
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function sameFinding(a: FindingDto, b: FindingDto): boolean {
  return (Object.keys(a) as Array<keyof FindingDto>).every((key) => a[key] === b[key]);
}

/** First and last bias a log states (a task sequence changes zone between WinPE and the new OS). */
function biasesOf(index: LogIndex): number[] {
  const store = index.store;
  const biases: number[] = [];
  const first = findZoned(index, 0, 1);
  const last = findZoned(index, index.recordCount - 1, -1);
  for (const i of [first, last]) {
    if (i < 0) continue;
    const bias = store.entry(i).biasMinutes;
    if (bias !== null) biases.push(bias);
  }
  return biases;
}

function findZoned(index: LogIndex, from: number, step: 1 | -1): number {
  const store = index.store;
  for (let i = from, n = 0; i >= 0 && i < index.recordCount && n < 10_000; i += step, n++) if (store.utcMsAt(i) === store.utcMsAt(i)) return i;
  return -1;
}
