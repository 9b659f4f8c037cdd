import { CancellationError } from '../../util/cancellation';
import { yieldToEventLoop } from '../../util/eventLoop';
import type { Severity } from '../types';
import type { GrowableUint32Array } from './growableArray';
import type { LogIndex } from './logIndex';
import type { TimelineOrder } from './timelineOrder';

/** What the viewer shows: every condition given must hold. */
export interface RecordFilter {
  /** Text the message must contain (case-insensitive unless `matchCase`), or a regex with `regex`. */
  text?: string;
  regex?: boolean;
  matchCase?: boolean;
  /** Severities to show; absent or empty = all. */
  severities?: readonly Severity[];
  /** Components to show; absent or empty = all. */
  components?: readonly string[];
  /** Logs (ids) to hide in a merged view. */
  hiddenLogs?: readonly number[];
  /** Time-key range [fromMs, toMs); null or absent = open. */
  fromMs?: number | null;
  toMs?: number | null;
}

export type CompiledText = { ok: true; pattern: RegExp | null } | { ok: false; error: string };

/** The text condition as a regex, or the reason it is not one (shown next to the field). */
export function compileTextFilter(filter: RecordFilter): CompiledText {
  const text = filter.text ?? '';
  if (text === '') return { ok: true, pattern: null };
  const flags = filter.matchCase ? '' : 'i';
  if (!filter.regex) return { ok: true, pattern: new RegExp(escapeRegExp(text), flags) };
  try {
    return { ok: true, pattern: new RegExp(text, flags) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a pattern that matches a message also matches the record's raw text around it:
 * then the store's one-pass search over the raw text can pick the candidates. Anchors,
 * lookbehind, negative lookahead and \B see the wrapper (`<![LOG[`, `]LOG]!>` ...) and could
 * miss, as can \n (the raw text keeps CRLF, and `~` for a legacy line break): those check every record.
 */
export function canPrefilter(pattern: RegExp): boolean {
  return !/(^|[^\\])(?:\\\\)*(?:\^|\$|\(\?<[=!]|\(\?!|\\B|\\n)/.test(pattern.source);
}

export interface FilterRunOptions {
  /** Called between slices of work; resolves when the event loop had its turn. */
  yieldControl?: () => Promise<void>;
  /** Checked between slices; true stops the run with CancellationError. */
  isCancelled?: () => boolean;
  /** Milliseconds of work between yields. */
  sliceMs?: number;
}

const RECORDS_PER_SEARCH = 65_536;
const CHECK_EVERY = 2_048;

/** A compiled filter, evaluated over position ranges of an order, in slices that yield. */
export class FilterRun {
  private readonly pattern: RegExp | null;
  private readonly severityMask: number;
  private readonly hidden: ReadonlySet<number>;
  private readonly componentSets: (Uint8Array | null)[] | null;
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly yieldControl: () => Promise<void>;
  private readonly isCancelled: () => boolean;
  private readonly sliceMs: number;
  private sliceStart = 0;

  constructor(
    private readonly filter: RecordFilter,
    private readonly order: TimelineOrder,
    private readonly indexes: readonly LogIndex[],
    options: FilterRunOptions = {},
  ) {
    const compiled = compileTextFilter(filter);
    if (!compiled.ok) throw new SyntaxError(compiled.error);
    this.pattern = compiled.pattern;
    const severities: readonly Severity[] = filter.severities?.length ? filter.severities : ['error', 'warning', 'info'];
    this.severityMask = severities.reduce((m, s) => m | SEVERITY_BIT[s], 0);
    this.hidden = new Set(filter.hiddenLogs ?? []);
    this.componentSets = filter.components?.length ? indexes.map(() => null) : null;
    this.fromMs = filter.fromMs ?? Number.NEGATIVE_INFINITY;
    this.toMs = filter.toMs ?? Number.POSITIVE_INFINITY;
    this.yieldControl = options.yieldControl ?? yieldToEventLoop;
    this.isCancelled = options.isCancelled ?? (() => false);
    this.sliceMs = options.sliceMs ?? 12;
  }

  /** True when the filter lets every record through (no work to do). */
  get isEmpty(): boolean {
    return !this.pattern && this.severityMask === 7 && this.hidden.size === 0 && !this.componentSets && !this.hasTimeRange;
  }

  get hasTimeRange(): boolean {
    return this.fromMs !== Number.NEGATIVE_INFINITY || this.toMs !== Number.POSITIVE_INFINITY;
  }

  /**
   * Appends to `base` the positions in [from, to) that pass every condition but time, and
   * to `visible` those that also pass the time range (the histogram counts `base`, so a
   * click on a bar does not empty the other bars).
   */
  async run(from: number, to: number, base: GrowableUint32Array, visible: GrowableUint32Array): Promise<void> {
    this.sliceStart = performance.now();
    await this.prepareComponents();
    const matches = this.pattern ? await this.textMatches(from, to) : null;
    const { order, indexes, severityMask, hidden, componentSets, fromMs, toMs } = this;
    const timeRange = this.hasTimeRange;
    for (let p = from; p < to; p++) {
      if ((p & (CHECK_EVERY - 1)) === 0) await this.maybeYield();
      const log = order.logAt(p);
      if (hidden.size && hidden.has(log)) continue;
      const record = order.recordAt(p);
      const index = indexes[log];
      if ((SEVERITY_BIT[index.store.severityAt(record)] & severityMask) === 0) continue;
      if (componentSets && componentSets[log]?.[index.componentIdAt(record)] !== 1) continue;
      if (matches && matches[log].mask[record - matches[log].offset] !== 1) continue;
      base.push(p);
      const key = index.keyAt(record);
      // A log without any time (NaN keys) shows only while no time range is set.
      if ((key >= fromMs && key < toMs) || (key !== key && !timeRange)) visible.push(p);
    }
  }

  /** Whether a time key passes the time range. */
  inTimeRange(key: number): boolean {
    return (key >= this.fromMs && key < this.toMs) || (!this.hasTimeRange && key !== key);
  }

  private async maybeYield(): Promise<void> {
    if (this.isCancelled()) throw new CancellationError();
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await this.yieldControl();
    if (this.isCancelled()) throw new CancellationError();
    this.sliceStart = performance.now();
  }

  private async prepareComponents(): Promise<void> {
    const wanted = this.filter.components;
    if (!this.componentSets || !wanted?.length) return;
    for (let log = 0; log < this.indexes.length; log++) {
      const index = this.indexes[log];
      while (!index.indexComponents(CHECK_EVERY * 8)) await this.maybeYield();
      const set = new Uint8Array(index.components.length);
      for (const name of wanted) {
        const id = index.componentId(name);
        if (id >= 0) set[id] = 1;
      }
      this.componentSets[log] = set;
    }
  }

  /** Per log, a mask of the records in positions [from, to) whose message matches the pattern. */
  private async textMatches(from: number, to: number): Promise<RecordMask[]> {
    const pattern = this.pattern as RegExp;
    const ranges = this.indexes.map(() => ({ min: Number.POSITIVE_INFINITY, max: -1 }));
    if (from === 0 && to === this.order.length) {
      this.indexes.forEach((ix, log) => {
        ranges[log] = { min: 0, max: ix.recordCount - 1 };
      });
    } else {
      for (let p = from; p < to; p++) {
        const range = ranges[this.order.logAt(p)];
        const r = this.order.recordAt(p);
        if (r < range.min) range.min = r;
        if (r > range.max) range.max = r;
      }
    }
    const prefilter = canPrefilter(pattern);
    const global = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);
    const single = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    const result: RecordMask[] = [];
    for (let log = 0; log < this.indexes.length; log++) {
      const { min, max } = ranges[log];
      const mask = new Uint8Array(max >= min ? max - min + 1 : 0);
      result.push({ offset: min, mask });
      if (this.hidden.has(log)) continue;
      const store = this.indexes[log].store;
      for (let start = min; start <= max; start += RECORDS_PER_SEARCH) {
        const end = Math.min(max + 1, start + RECORDS_PER_SEARCH);
        if (prefilter) {
          global.lastIndex = 0;
          for (const r of store.recordsMatching(global, start, end)) {
            // The raw text also holds time, component and file attributes: confirm on the message.
            if (single.test(store.entry(r).message)) mask[r - min] = 1;
          }
        } else {
          for (let r = start; r < end; r++) if (single.test(store.entry(r).message)) mask[r - min] = 1;
        }
        await this.maybeYield();
      }
    }
    return result;
  }
}

interface RecordMask {
  /** Record index of mask[0]. */
  offset: number;
  mask: Uint8Array;
}

const SEVERITY_BIT: Record<Severity, number> = { error: 1, warning: 2, info: 4 };
