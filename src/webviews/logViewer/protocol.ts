/**
 * Messages between the log viewer webview and the extension, imported by both sides.
 * Free of Node and VS Code imports (the webview bundle compiles it). Every message is
 * validated on arrival with the parsers at the end of this file.
 */
import type { Severity, SeverityCounts } from '../../core/logs/types';
import {
  hasFields,
  isArrayOf,
  isBoolean,
  isFiniteNumber,
  isIndex,
  isNullable,
  isOneOf,
  isRecord,
  isString,
  unionParser,
  type Guard,
} from '../validate';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The filter as the webview edits it. Time bounds are time keys (ms): see `AxisDto`. */
export interface ViewerFilter {
  text: string;
  regex: boolean;
  matchCase: boolean;
  /** Severities shown (all three = no severity filter). */
  severities: Severity[];
  /** Components shown (empty = all). */
  components: string[];
  /** Log ids hidden in a merged view. */
  hiddenLogs: number[];
  fromMs: number | null;
  toMs: number | null;
}

export const EMPTY_FILTER: ViewerFilter = {
  text: '',
  regex: false,
  matchCase: false,
  severities: [...SEVERITIES],
  components: [],
  hiddenLogs: [],
  fromMs: null,
  toMs: null,
};

export interface LogInfo {
  id: number;
  name: string;
  path: string;
  records: number;
  /** The log states its time zone (times are merged in UTC). */
  hasZone: boolean;
  /** Followed as it grows. */
  live: boolean;
}

/**
 * Which clock the person reads on the axis and in the time filter:
 * - `local`: every log has the same zone, shown as its local time (`zone`, e.g. "UTC−04:00");
 * - `localUnzoned`: no log states a zone: its local time as written;
 * - `utcMixed`: UTC, with logs that state no zone placed by their local time;
 * - `utc`: logs in several zones, shown in UTC.
 * The webview words it (in the display language).
 */
export const AXIS_CLOCKS = ['local', 'localUnzoned', 'utcMixed', 'utc'] as const;
export type AxisClock = (typeof AXIS_CLOCKS)[number];

/** How time keys are shown: display time = key + offsetMs. Keys are UTC for logs with a zone. */
export interface AxisDto {
  offsetMs: number;
  clock: AxisClock;
  /** With `local`: the zone, "UTC−04:00". */
  zone?: string;
}

export interface HistogramDto {
  startMs: number;
  binMs: number;
  errors: number[];
  warnings: number[];
  totals: number[];
}

export interface LoadingDto {
  done: boolean;
  bytes: number;
  totalBytes: number;
  /** Set when loading stopped early (cancelled, unreadable). */
  stopped: string | null;
}

export interface SummaryDto {
  /** Changes whenever visible positions from `changedFrom` on may differ. */
  version: number;
  changedFrom: number;
  total: number;
  visible: number;
  counts: SeverityCounts;
  logs: LogInfo[];
  components: string[];
  axis: AxisDto;
  histogram: HistogramDto | null;
  /** Merged logs that state no time zone (ordered by their local time): the legend says so. */
  unzonedLogs: string[];
  filter: ViewerFilter;
  filterError: string | null;
  filtering: boolean;
  loading: LoadingDto;
}

export interface RowDto {
  /** Index in the visible rows. */
  row: number;
  log: number;
  record: number;
  line: number;
  /** Local time as logged, `YYYY-MM-DD HH:MM:SS.mmm`, or ''. */
  time: string;
  /** UTC (`...Z`) or null when the log has no zone. */
  utc: string | null;
  component: string;
  thread: string;
  severity: Severity;
  /** First line of the message (cut at 2,000 characters). */
  text: string;
  /** The message has more lines or was cut. */
  more: boolean;
  fragment: boolean;
}

export interface ErrorCodeDto {
  /** As printed in the message. */
  text: string;
  /** Normalised `0x%08X`. */
  code: string;
  name: string | null;
  /** The official message; null when no message is known for the code (the webview says so). */
  message: string | null;
  category: string;
}

export interface FindingDto {
  id: number;
  log: number;
  record: number;
  line: number;
  severity: Severity;
  title: string;
  cause: string;
  fix: string;
  code: string | null;
  codeMessage: string | null;
  rule: string | null;
}

export interface DetailDto {
  log: number;
  record: number;
  /** Visible row, or -1 when the filter hides it. */
  row: number;
  logName: string;
  path: string;
  line: number;
  endLine: number;
  localTime: string | null;
  utc: string | null;
  /** "UTC−04:00" from the bias, or null. */
  zone: string | null;
  component: string;
  thread: string;
  severity: Severity;
  message: string;
  sourceFile: string | null;
  codes: ErrorCodeDto[];
  findings: FindingDto[];
}

/** What the webview keeps with `setState` (survives hide/show and, via the serializer, reload). */
export interface ViewerWebviewState {
  /** URIs (strings) of the logs shown. */
  uris: string[];
  filter: ViewerFilter;
  selected: { log: number; record: number } | null;
  topRow: number;
  follow: boolean;
}

// ---- webview → extension ------------------------------------------------------------------

export type ViewerRequest =
  | { type: 'ready' }
  | { type: 'rows'; requestId: number; version: number; start: number; count: number }
  | { type: 'filter'; filter: ViewerFilter }
  | { type: 'select'; log: number; record: number }
  | { type: 'openLine'; log: number; line: number }
  | { type: 'lookupCode'; code: string }
  | { type: 'revealFinding'; id: number }
  | { type: 'openTimeline' }
  | { type: 'cspViolation'; directive: string; blocked: string };

// ---- extension → webview ------------------------------------------------------------------

export type ViewerEvent =
  | { type: 'init'; title: string; uris: string[]; state: ViewerWebviewState | null; timeline: boolean }
  | { type: 'summary'; summary: SummaryDto }
  | { type: 'rows'; requestId: number; version: number; start: number; rows: RowDto[] }
  | { type: 'detail'; detail: DetailDto | null }
  | { type: 'findings'; findings: FindingDto[] }
  | { type: 'reveal'; row: number; log: number; record: number }
  | { type: 'notice'; message: string };

// ---- validation ---------------------------------------------------------------------------

const isSeverity = isOneOf(SEVERITIES);
const isTimeBound = isNullable(isFiniteNumber);

export const isViewerFilter: Guard<ViewerFilter> = (v): v is ViewerFilter =>
  hasFields(v, {
    text: (t: unknown) => isString(t) && t.length <= 10_000,
    regex: isBoolean,
    matchCase: isBoolean,
    severities: isArrayOf(isSeverity, 3),
    components: isArrayOf(isString, 65_536),
    hiddenLogs: isArrayOf(isIndex, 255),
    fromMs: isTimeBound,
    toMs: isTimeBound,
  });

const isSelection = isNullable((v: unknown): v is { log: number; record: number } => hasFields(v, { log: isIndex, record: isIndex }));

export const isViewerWebviewState: Guard<ViewerWebviewState> = (v): v is ViewerWebviewState =>
  hasFields(v, { uris: isArrayOf(isString, 255), filter: isViewerFilter, selected: isSelection, topRow: isIndex, follow: isBoolean });

export const parseViewerRequest = unionParser<ViewerRequest>({
  ready: {},
  rows: { requestId: isIndex, version: isIndex, start: isIndex, count: (v: unknown) => isIndex(v) && v <= 2_000 },
  filter: { filter: isViewerFilter },
  select: { log: isIndex, record: isIndex },
  openLine: { log: isIndex, line: isIndex },
  lookupCode: { code: (v: unknown) => isString(v) && v.length <= 40 },
  revealFinding: { id: isIndex },
  openTimeline: {},
  cspViolation: { directive: isString, blocked: isString },
});

const isCounts = (v: unknown): v is SeverityCounts => hasFields(v, { error: isIndex, warning: isIndex, info: isIndex });
const isRow = (v: unknown): v is RowDto =>
  hasFields(v, {
    row: isIndex,
    log: isIndex,
    record: isIndex,
    line: isIndex,
    time: isString,
    utc: isNullable(isString),
    component: isString,
    thread: isString,
    severity: isSeverity,
    text: isString,
    more: isBoolean,
    fragment: isBoolean,
  });
const isFinding = (v: unknown): v is FindingDto =>
  hasFields(v, { id: isIndex, log: isIndex, record: isIndex, line: isIndex, severity: isSeverity, title: isString, cause: isString, fix: isString });
const isHistogram = (v: unknown): v is HistogramDto =>
  hasFields(v, { startMs: isFiniteNumber, binMs: isFiniteNumber, errors: isArrayOf(isIndex), warnings: isArrayOf(isIndex), totals: isArrayOf(isIndex) });
const isSummary = (v: unknown): v is SummaryDto =>
  hasFields(v, {
    version: isIndex,
    changedFrom: isIndex,
    total: isIndex,
    visible: isIndex,
    counts: isCounts,
    logs: isArrayOf((l: unknown): l is LogInfo => hasFields(l, { id: isIndex, name: isString, path: isString, records: isIndex, hasZone: isBoolean, live: isBoolean })),
    components: isArrayOf(isString, 65_536),
    axis: (a: unknown) => hasFields(a, { offsetMs: isFiniteNumber, clock: isOneOf(AXIS_CLOCKS) }) && (a.zone === undefined || isString(a.zone)),
    histogram: isNullable(isHistogram),
    unzonedLogs: isArrayOf(isString, 255),
    filter: isViewerFilter,
    filterError: isNullable(isString),
    filtering: isBoolean,
    loading: (l: unknown) => hasFields(l, { done: isBoolean, bytes: isIndex, totalBytes: isIndex, stopped: isNullable(isString) }),
  });
const isDetail = (v: unknown): v is DetailDto =>
  hasFields(v, {
    log: isIndex,
    record: isIndex,
    row: (r: unknown) => Number.isSafeInteger(r) && (r as number) >= -1,
    logName: isString,
    path: isString,
    line: isIndex,
    message: isString,
    severity: isSeverity,
    codes: isArrayOf((c: unknown): c is ErrorCodeDto => hasFields(c, { text: isString, code: isString, message: isNullable(isString) })),
    findings: isArrayOf(isFinding),
  });

export const parseViewerEvent = unionParser<ViewerEvent>({
  init: { title: isString, uris: isArrayOf(isString, 255), state: isNullable(isViewerWebviewState), timeline: isBoolean },
  summary: { summary: isSummary },
  rows: { requestId: isIndex, version: isIndex, start: isIndex, rows: isArrayOf(isRow, 2_000) },
  detail: { detail: isNullable(isDetail) },
  findings: { findings: isArrayOf(isFinding) },
  reveal: { row: isIndex, log: isIndex, record: isIndex },
  notice: { message: isString },
});

/** A filter from untrusted data (restored state), or the empty filter. */
export function filterOrEmpty(value: unknown): ViewerFilter {
  return isViewerFilter(value) ? value : { ...EMPTY_FILTER, severities: [...SEVERITIES] };
}

export { isRecord };
