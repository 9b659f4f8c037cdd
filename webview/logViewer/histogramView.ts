import type { AxisDto, HistogramDto } from '../../src/webviews/logViewer/protocol';
import { formatDisplayTime, formatSpan } from '../../src/webviews/logViewer/timeText';
import { clear, h, svg } from '../shared/dom';
import { t } from '../shared/l10n';

const HEIGHT = 56;
const AXIS = 14;

export interface HistogramCallbacks {
  /** A bar was chosen (time keys [from, to)), or null to clear the time range. */
  rangeChosen(range: { fromMs: number; toMs: number } | null): void;
}

/**
 * Errors and warnings over time above the grid: one bar per bin, stacked errors / warnings /
 * the rest, theme colours. Hover or focus shows the bin's range and counts; a click (or
 * Enter) filters the grid to that bin, a second click clears it. Arrow keys move between bars.
 */
export class HistogramView {
  readonly element: HTMLElement;
  private readonly chart: SVGSVGElement;
  private readonly tip: HTMLElement;
  private readonly caption: HTMLElement;
  private histogram: HistogramDto | null = null;
  private axis: AxisDto = { offsetMs: 0, clock: 'utc' };
  private chosen: number | null = null;
  private focusBin = 0;

  constructor(private readonly callbacks: HistogramCallbacks) {
    this.chart = svg('svg', { class: 'histogram-chart', role: 'group', 'aria-label': t('Errors and warnings over time'), preserveAspectRatio: 'none', height: HEIGHT + AXIS });
    this.tip = h('div', { class: 'histogram-tip', role: 'status', 'aria-live': 'polite' });
    this.caption = h('div', { class: 'histogram-caption' });
    this.element = h('section', { class: 'histogram', 'aria-label': t('Histogram') }, this.chart, h('div', { class: 'histogram-foot' }, this.caption, this.tip));
    this.chart.addEventListener('keydown', (e) => this.onKey(e));
    this.chart.addEventListener('mouseleave', () => this.showTip(null));
    new ResizeObserver(() => this.render()).observe(this.element);
  }

  update(histogram: HistogramDto | null, axis: AxisDto, timeRange: { fromMs: number | null; toMs: number | null }): void {
    this.histogram = histogram;
    this.axis = axis;
    this.chosen = null;
    if (histogram && timeRange.fromMs !== null && timeRange.toMs !== null && timeRange.toMs - timeRange.fromMs === histogram.binMs) {
      const bin = (timeRange.fromMs - histogram.startMs) / histogram.binMs;
      if (Number.isInteger(bin)) this.chosen = bin;
    }
    this.render();
  }

  private render(): void {
    // Summaries redraw the chart while a log loads or grows: the focused bar keeps the focus.
    const hadFocus = this.chart.contains(document.activeElement);
    clear(this.chart);
    const data = this.histogram;
    this.element.hidden = !data;
    if (!data) return;
    const width = Math.max(100, this.element.clientWidth);
    this.chart.setAttribute('width', String(width));
    this.chart.setAttribute('viewBox', `0 0 ${width} ${HEIGHT + AXIS}`);
    const bins = data.totals.length;
    // Fewer bins than before (another filter or range): one bar must still be reachable with Tab.
    this.focusBin = Math.max(0, Math.min(this.focusBin, bins - 1));
    const barWidth = width / bins;
    const max = Math.max(1, ...data.totals);
    const scale = (n: number): number => (n === 0 ? 0 : Math.max(1.5, (n / max) * (HEIGHT - 2)));
    for (let bin = 0; bin < bins; bin++) {
      const total = data.totals[bin];
      const errors = data.errors[bin];
      const warnings = data.warnings[bin];
      const x = bin * barWidth;
      const group = svg('g', {
        class: `bar${bin === this.chosen ? ' chosen' : ''}${errors ? ' has-errors' : ''}`,
        role: 'button',
        tabindex: bin === this.focusBin ? 0 : -1,
        'aria-label': this.describe(bin),
        'aria-pressed': bin === this.chosen ? 'true' : 'false',
        'data-bin': bin,
      });
      group.append(svg('rect', { class: 'hit', x, y: 0, width: barWidth, height: HEIGHT }));
      let y = HEIGHT;
      for (const [count, cls] of [[errors, 'errors'], [warnings, 'warnings'], [total - errors - warnings, 'others']] as const) {
        const barHeight = scale(count);
        if (barHeight <= 0) continue;
        y -= barHeight;
        group.append(svg('rect', { class: cls, x: x + 0.5, y, width: Math.max(1, barWidth - 1), height: barHeight }));
      }
      group.addEventListener('mouseenter', () => this.showTip(bin));
      group.addEventListener('focus', () => this.showTip(bin));
      group.addEventListener('click', () => this.choose(bin));
      this.chart.append(group);
    }
    // Axis: first and last bin start, and the clock the person reads.
    const first = svg('text', { class: 'axis', x: 2, y: HEIGHT + AXIS - 3 });
    first.textContent = formatDisplayTime(data.startMs + this.axis.offsetMs).slice(0, 19);
    const last = svg('text', { class: 'axis', x: width - 2, y: HEIGHT + AXIS - 3, 'text-anchor': 'end' });
    last.textContent = formatDisplayTime(data.startMs + bins * data.binMs + this.axis.offsetMs).slice(0, 19);
    this.chart.append(first, last);
    if (hadFocus) this.focusBar(this.focusBin);
    this.caption.textContent = t('{0} per bar, {1}. Click a bar to show only its records.', formatSpan(data.binMs), clockLabel(this.axis));
  }

  private describe(bin: number): string {
    const data = this.histogram as HistogramDto;
    const from = data.startMs + bin * data.binMs + this.axis.offsetMs;
    return t('{0} to {1}: {2} errors, {3} warnings, {4} records', formatDisplayTime(from), formatDisplayTime(from + data.binMs).slice(11), data.errors[bin], data.warnings[bin], data.totals[bin]);
  }

  private showTip(bin: number | null): void {
    const text = bin === null || !this.histogram ? '' : this.describe(bin);
    // A live region: the same text again (a redraw gave the bar the focus back) is not news.
    if (this.tip.textContent !== text) this.tip.textContent = text;
  }

  private choose(bin: number): void {
    const data = this.histogram;
    if (!data) return;
    if (this.chosen === bin) {
      this.chosen = null;
      this.callbacks.rangeChosen(null);
    } else {
      this.chosen = bin;
      const fromMs = data.startMs + bin * data.binMs;
      this.callbacks.rangeChosen({ fromMs, toMs: fromMs + data.binMs });
    }
    this.focusBin = bin;
    this.render();
    this.focusBar(bin);
  }

  private focusBar(bin: number): void {
    this.chart.querySelector<SVGGElement>(`[data-bin="${bin}"]`)?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    const data = this.histogram;
    if (!data) return;
    const bins = data.totals.length;
    let next = this.focusBin;
    if (e.key === 'ArrowRight') next = Math.min(bins - 1, next + 1);
    else if (e.key === 'ArrowLeft') next = Math.max(0, next - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = bins - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(this.focusBin);
      return;
    } else return;
    e.preventDefault();
    this.focusBin = next;
    this.render();
    this.focusBar(next);
  }
}

/** The clock the person reads on the axis, in words. */
export function clockLabel(axis: AxisDto): string {
  switch (axis.clock) {
    case 'local':
      return t('local time ({0})', axis.zone ?? '');
    case 'localUnzoned':
      return t('local time (the log states no time zone)');
    case 'utcMixed':
      return t('UTC (logs without a time zone: their local time)');
    case 'utc':
      return t('UTC');
  }
}
