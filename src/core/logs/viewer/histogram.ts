import type { LogIndex } from './logIndex';
import type { TimelineOrder } from './timelineOrder';

/** Errors and warnings over time: `bins` equal spans of `binMs` starting at `startMs`. */
export interface Histogram {
  startMs: number;
  binMs: number;
  errors: number[];
  warnings: number[];
  totals: number[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Bin widths a person reads at a glance, smallest first. */
export const NICE_BIN_WIDTHS: readonly number[] = [
  100, 250, 500, SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE,
  10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY,
];

/**
 * The smallest nice width whose bins, aligned on the display clock (`offsetMs`), cover
 * [min, max] in at most `maxBins` bins.
 */
export function chooseBinWidth(minMs: number, maxMs: number, maxBins: number, offsetMs = 0): number {
  const binsFor = (width: number): number => Math.floor((maxMs + offsetMs) / width) - Math.floor((minMs + offsetMs) / width) + 1;
  for (const width of NICE_BIN_WIDTHS) if (binsFor(width) <= maxBins) return width;
  // Longer than the list covers: whole multiples of the largest width.
  const largest = NICE_BIN_WIDTHS[NICE_BIN_WIDTHS.length - 1];
  let width = Math.ceil((maxMs - minMs) / (maxBins - 1) / largest) * largest;
  while (binsFor(width) > maxBins) width += largest;
  return width;
}

export interface HistogramOptions {
  maxBins?: number;
  /**
   * Added to a key to get the time shown to the person (e.g. the log's local time when
   * keys are UTC), so bins start at round times of the clock they read.
   */
  displayOffsetMs?: number;
  /**
   * Time span the bins cover (e.g. the whole log), so the axis stays put while a filter
   * narrows what is counted. Default: the span of the given positions.
   */
  range?: { minMs: number; maxMs: number } | null;
}

/** Bins the given positions (ascending positions of `order`) by their time key. */
export function buildHistogram(
  positions: ArrayLike<number>,
  order: TimelineOrder,
  indexes: readonly LogIndex[],
  options: HistogramOptions = {},
): Histogram | null {
  const maxBins = Math.max(2, options.maxBins ?? 100);
  const offset = options.displayOffsetMs ?? 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const n = positions.length;
  for (let i = 0; i < n; i++) {
    const p = positions[i];
    const key = indexes[order.logAt(p)].keyAt(order.recordAt(p));
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (min === Number.POSITIVE_INFINITY) return null;
  if (options.range && options.range.minMs <= min && options.range.maxMs >= max) {
    min = options.range.minMs;
    max = options.range.maxMs;
  }
  const binMs = chooseBinWidth(min, max, maxBins, offset);
  // Align on the display clock: a 5-minute bin starts at :00, :05, ... of the time shown.
  const startMs = Math.floor((min + offset) / binMs) * binMs - offset;
  const count = Math.floor((max - startMs) / binMs) + 1;
  const errors = new Array<number>(count).fill(0);
  const warnings = new Array<number>(count).fill(0);
  const totals = new Array<number>(count).fill(0);
  for (let i = 0; i < n; i++) {
    const p = positions[i];
    const index = indexes[order.logAt(p)];
    const record = order.recordAt(p);
    const key = index.keyAt(record);
    if (key !== key) continue;
    const bin = Math.floor((key - startMs) / binMs);
    totals[bin]++;
    const severity = index.store.severityAt(record);
    if (severity === 'error') errors[bin]++;
    else if (severity === 'warning') warnings[bin]++;
  }
  return { startMs, binMs, errors, warnings, totals };
}

/** The earliest and latest time key of the logs, or null when none has a time. */
export function keyRange(indexes: readonly LogIndex[]): { minMs: number; maxMs: number } | null {
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  for (const index of indexes) {
    for (let i = 0, n = index.recordCount; i < n; i++) {
      const key = index.keyAt(i);
      if (key < minMs) minMs = key;
      if (key > maxMs) maxMs = key;
    }
  }
  return minMs === Number.POSITIVE_INFINITY ? null : { minMs, maxMs };
}

/** The time-key range [from, to) of a bin. */
export function binRange(histogram: Histogram, bin: number): { fromMs: number; toMs: number } {
  const fromMs = histogram.startMs + bin * histogram.binMs;
  return { fromMs, toMs: fromMs + histogram.binMs };
}
