import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeMultiSelect } from '@vscode-elements/elements/dist/vscode-multi-select/vscode-multi-select.js';
import type { VscodeProgressBar } from '@vscode-elements/elements/dist/vscode-progress-bar/vscode-progress-bar.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { Severity } from '../../src/core/logs/types';
import { SEVERITIES, type AxisDto, type SummaryDto, type ViewerFilter } from '../../src/webviews/logViewer/protocol';
import { formatDisplayTime, parseDisplayTime } from '../../src/webviews/logViewer/timeText';
import { debounce, h, icon } from '../shared/dom';
import { t } from '../shared/l10n';

export interface FilterBarCallbacks {
  filterChanged(filter: ViewerFilter): void;
  followChanged(follow: boolean): void;
  openTimeline(): void;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: t('Errors'), warning: t('Warnings'), info: t('Information') };
/** The severity boxes once the counts are known: "Errors (12)". */
const SEVERITY_COUNTED: Record<Severity, (count: string) => string> = {
  error: (count) => t('Errors ({0})', count),
  warning: (count) => t('Warnings ({0})', count),
  info: (count) => t('Information ({0})', count),
};

function checkbox(label: string, checked: boolean): VscodeCheckbox {
  const box = document.createElement('vscode-checkbox');
  box.label = label;
  box.checked = checked;
  return box;
}

function textfield(label: string, placeholder: string, className: string): VscodeTextfield {
  const field = document.createElement('vscode-textfield');
  field.placeholder = placeholder;
  field.label = label;
  field.className = className;
  field.setAttribute('aria-label', label);
  return field;
}

/**
 * Text / regex, severity, component and time filters, the "N of M" count, follow and the
 * timeline button. Every change produces a whole filter (the extension applies it).
 */
export class FilterBar {
  readonly element: HTMLElement;
  readonly text: VscodeTextfield;
  private readonly regex: VscodeCheckbox;
  private readonly matchCase: VscodeCheckbox;
  private readonly severities: Record<Severity, VscodeCheckbox>;
  private readonly components: VscodeMultiSelect;
  private readonly from: VscodeTextfield;
  private readonly to: VscodeTextfield;
  private readonly follow: VscodeCheckbox;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly progress: VscodeProgressBar;
  private readonly timelineButton: HTMLElement;
  private current: ViewerFilter;
  private axis: AxisDto = { offsetMs: 0, clock: 'utc' };
  private referenceMs = Number.NaN;
  private componentList = '';

  constructor(initial: ViewerFilter, follow: boolean, private readonly callbacks: FilterBarCallbacks) {
    this.current = initial;
    this.text = textfield(t('Filter messages'), t('Filter messages (Ctrl+F)'), 'filter-text');
    this.text.value = initial.text;
    this.regex = checkbox(t('Regex'), initial.regex);
    this.matchCase = checkbox(t('Match case'), initial.matchCase);
    this.severities = {
      error: checkbox(SEVERITY_LABEL.error, initial.severities.includes('error')),
      warning: checkbox(SEVERITY_LABEL.warning, initial.severities.includes('warning')),
      info: checkbox(SEVERITY_LABEL.info, initial.severities.includes('info')),
    };
    for (const s of SEVERITIES) this.severities[s].classList.add(`severity-box`, `sev-${s}`);
    this.components = document.createElement('vscode-multi-select');
    this.components.label = t('Components');
    this.components.setAttribute('aria-label', t('Components'));
    this.components.className = 'component-select';
    this.from = textfield(t('From time'), t('From (HH:MM:SS)'), 'time-field');
    this.to = textfield(t('To time'), t('To'), 'time-field');
    this.follow = checkbox(t('Follow'), follow);
    this.follow.title = t('Keep the last record in view as the log grows');
    this.status = h('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.error = h('div', { class: 'filter-error', role: 'alert', hidden: true });
    this.progress = document.createElement('vscode-progress-bar');
    this.progress.indeterminate = true;
    this.progress.className = 'progress';
    this.progress.hidden = true;
    const clearButton = document.createElement('vscode-button');
    clearButton.secondary = true;
    clearButton.icon = 'clear-all';
    clearButton.textContent = t('Clear');
    clearButton.title = t('Clear every filter');
    const clearTime = h('button', { class: 'icon-button', title: t('Clear the time range'), 'aria-label': t('Clear the time range') }, icon('close'));
    this.timelineButton = document.createElement('vscode-button');
    (this.timelineButton as HTMLElement & { icon: string; secondary: boolean }).icon = 'timeline-view-icon';
    (this.timelineButton as HTMLElement & { secondary: boolean }).secondary = true;
    this.timelineButton.textContent = t('Timeline');
    this.timelineButton.hidden = true;

    this.element = h('header', { class: 'filter-bar', role: 'search', 'aria-label': t('Filter'), 'data-region': 'filter' },
      h('div', { class: 'filter-line' }, this.text, this.regex, this.matchCase, h('span', { class: 'separator', 'aria-hidden': 'true' }), ...SEVERITIES.map((s) => this.severities[s])),
      h('div', { class: 'filter-line' },
        h('span', { class: 'field-group' }, h('span', { class: 'field-label', 'aria-hidden': 'true' }, t('Components')), this.components),
        h('span', { class: 'field-group' }, h('span', { class: 'field-label', 'aria-hidden': 'true' }, t('Time')), this.from, this.to, clearTime),
        clearButton, this.follow, this.timelineButton, this.status),
      this.error,
      this.progress,
    );

    const changed = (): void => this.emit();
    const typed = debounce(changed, 250);
    this.text.addEventListener('input', typed);
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') changed();
      if (e.key === 'Escape' && this.text.value) {
        this.text.value = '';
        changed();
      }
    });
    for (const box of [this.regex, this.matchCase, ...SEVERITIES.map((s) => this.severities[s])]) box.addEventListener('change', changed);
    this.components.addEventListener('change', changed);
    for (const field of [this.from, this.to]) field.addEventListener('change', changed);
    clearTime.addEventListener('click', () => this.setTimeRange(null, null));
    clearButton.addEventListener('click', () => this.clearAll());
    this.follow.addEventListener('change', () => this.callbacks.followChanged(this.follow.checked));
    this.timelineButton.addEventListener('click', () => this.callbacks.openTimeline());
  }

  get filter(): ViewerFilter {
    return this.current;
  }

  get following(): boolean {
    return this.follow.checked;
  }

  focusText(): void {
    this.text.focus();
  }

  showTimelineButton(show: boolean): void {
    this.timelineButton.hidden = !show;
  }

  /** Sets the time range (histogram bar) in time keys; null clears a bound. */
  setTimeRange(fromMs: number | null, toMs: number | null): void {
    this.from.value = fromMs === null ? '' : formatDisplayTime(fromMs + this.axis.offsetMs);
    this.to.value = toMs === null ? '' : formatDisplayTime(toMs + this.axis.offsetMs);
    this.emit();
  }

  clearAll(): void {
    this.text.value = '';
    this.regex.checked = false;
    this.matchCase.checked = false;
    for (const s of SEVERITIES) this.severities[s].checked = true;
    this.components.value = [];
    this.from.value = '';
    this.to.value = '';
    this.current = { ...this.current, hiddenLogs: [] };
    this.emit();
  }

  /** Hides or shows a merged log (legend chips). */
  toggleLog(log: number): void {
    const hidden = new Set(this.current.hiddenLogs);
    if (hidden.has(log)) hidden.delete(log);
    else hidden.add(log);
    this.current = { ...this.current, hiddenLogs: [...hidden].sort((a, b) => a - b) };
    this.callbacks.filterChanged(this.current);
  }

  update(summary: SummaryDto): void {
    this.axis = summary.axis;
    if (summary.histogram) this.referenceMs = summary.histogram.startMs + summary.axis.offsetMs;
    const { counts } = summary;
    for (const s of SEVERITIES) this.severities[s].label = SEVERITY_COUNTED[s](counts[s].toLocaleString());
    const list = summary.components.join('\n');
    if (list !== this.componentList) {
      this.componentList = list;
      const chosen = new Set(this.current.components);
      this.components.options = summary.components.map((c) => ({ label: c || t('(none)'), value: c, description: '', selected: chosen.has(c), disabled: false }));
    }
    const base = t('{0} of {1} records', summary.visible.toLocaleString(), summary.total.toLocaleString());
    this.status.textContent = summary.filtering
      ? t('{0} \u2014 filtering\u2026', base)
      : summary.loading.done
        ? base
        : t('{0} \u2014 loading {1}', base, percent(summary.loading.bytes, summary.loading.totalBytes));
    this.progress.hidden = summary.loading.done && !summary.filtering;
    const problem = summary.filterError ? t('Invalid regular expression: {0}', summary.filterError) : summary.loading.stopped;
    this.error.textContent = problem ?? '';
    this.error.hidden = !problem;
    this.text.invalid = summary.filterError !== null;
  }

  private emit(): void {
    const fromText = parseDisplayTime(this.from.value, this.referenceMs);
    const toText = parseDisplayTime(this.to.value, this.referenceMs);
    this.from.invalid = fromText === null;
    this.to.invalid = toText === null;
    this.current = {
      text: this.text.value,
      regex: this.regex.checked,
      matchCase: this.matchCase.checked,
      severities: SEVERITIES.filter((s) => this.severities[s].checked),
      components: [...this.components.value],
      hiddenLogs: this.current.hiddenLogs,
      fromMs: typeof fromText === 'number' ? fromText - this.axis.offsetMs : null,
      toMs: typeof toText === 'number' ? toText - this.axis.offsetMs : null,
    };
    this.callbacks.filterChanged(this.current);
  }

  /** Restores the fields from a saved filter (the axis is known once the first summary came). */
  restore(filter: ViewerFilter, axis: AxisDto): void {
    this.axis = axis;
    this.current = filter;
    this.text.value = filter.text;
    this.regex.checked = filter.regex;
    this.matchCase.checked = filter.matchCase;
    for (const s of SEVERITIES) this.severities[s].checked = filter.severities.includes(s);
    this.components.value = filter.components;
    this.from.value = filter.fromMs === null ? '' : formatDisplayTime(filter.fromMs + axis.offsetMs);
    this.to.value = filter.toMs === null ? '' : formatDisplayTime(filter.toMs + axis.offsetMs);
  }
}

function percent(bytes: number, total: number): string {
  return total > 0 ? `${Math.floor((bytes / total) * 100)}%` : '';
}
