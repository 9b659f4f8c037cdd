import type { LogInfo, RowDto } from '../../src/webviews/logViewer/protocol';
import { SEVERITY_ICON, SEVERITY_SHORT, SEVERITY_WORD, clear, h, icon } from '../shared/dom';
import { t } from '../shared/l10n';
import { logColorClass } from './logColors';
import { contentHeight, firstRowAt, isScaled, lastFirstRow, scrollTopFor, type ScrollGeometry } from './scrollMath';

export const ROW_HEIGHT = 22;
/**
 * Browsers cap an element's height (Chromium ~33.5 M px, Firefox ~17.9 M px). Past this the
 * spacer stays this tall and the scroll position is mapped onto the row range instead.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;
/** Rows rendered beyond the viewport on each side. */
const MARGIN_ROWS = 8;

export interface GridCallbacks {
  rowAt(row: number): RowDto | undefined;
  needRows(start: number, end: number): void;
  /** The selection moved (keyboard or click). */
  selected(row: number): void;
  /** Enter or double-click: show the detail. */
  activated(row: number): void;
  /** The person scrolled (the top row changed). */
  scrolled(topRow: number): void;
}

/**
 * A CMTrace-like grid that holds only the rows in view: a fixed row height, a spacer sized
 * from the total count, and a sticky layer that draws the rows for the scroll position.
 * ARIA grid with aria-rowcount / aria-rowindex / aria-selected; the grid element keeps focus
 * and points at the selected row with aria-activedescendant.
 */
export class VirtualGrid {
  readonly element: HTMLDivElement;
  private readonly scroller: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private total = 0;
  private selectedRow = -1;
  private logs: LogInfo[] = [];
  private merged = false;
  private frame = 0;

  constructor(private readonly callbacks: GridCallbacks) {
    this.header = h('div', { class: 'grid-row grid-head', role: 'row', 'aria-rowindex': 1 });
    this.layer = h('div', { class: 'grid-layer', role: 'rowgroup' });
    this.spacer = h('div', { class: 'grid-spacer', 'aria-hidden': 'true' });
    this.scroller = h('div', { class: 'grid-scroll' }, this.layer, this.spacer);
    this.element = h('div', { class: 'grid', role: 'grid', tabindex: 0, 'aria-label': t('Log records'), 'aria-rowcount': 1, 'aria-colcount': 5, 'aria-multiselectable': 'false' },
      h('div', { role: 'rowgroup', class: 'grid-head-group' }, this.header),
      this.scroller,
    );
    this.renderHeader();
    this.scroller.addEventListener('scroll', () => {
      this.schedule();
      this.callbacks.scrolled(this.topRow);
    });
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.layer.addEventListener('click', (e) => {
      const row = this.rowOfEvent(e);
      if (row >= 0) this.select(row, 'nearest');
    });
    this.layer.addEventListener('dblclick', (e) => {
      const row = this.rowOfEvent(e);
      if (row >= 0) this.callbacks.activated(row);
    });
  }

  get rowCount(): number {
    return this.total;
  }

  get selection(): number {
    return this.selectedRow;
  }

  setLogs(logs: LogInfo[]): void {
    const merged = logs.length > 1;
    this.logs = logs;
    if (merged !== this.merged) {
      this.merged = merged;
      this.element.classList.toggle('merged', merged);
      this.element.setAttribute('aria-colcount', merged ? '6' : '5');
      this.renderHeader();
    }
  }

  setTotal(total: number): void {
    this.total = total;
    this.element.setAttribute('aria-rowcount', String(total + 1));
    this.spacer.style.height = `${Math.max(0, this.scrollHeight - this.viewportHeight)}px`;
    if (this.selectedRow >= total) this.selectedRow = total - 1;
    this.schedule();
  }

  /** Selection without notifying (restoring state, following a revealed record). */
  setSelection(row: number, scroll: 'nearest' | 'center' | 'none' = 'nearest'): void {
    this.selectedRow = row;
    if (scroll !== 'none' && row >= 0) this.scrollToRow(row, scroll);
    this.schedule();
  }

  select(row: number, scroll: 'nearest' | 'center' = 'nearest'): void {
    if (this.total === 0) return;
    const clamped = Math.max(0, Math.min(this.total - 1, row));
    this.setSelection(clamped, scroll);
    this.callbacks.selected(clamped);
  }

  /** Redraws with the rows now in the cache. */
  refresh(): void {
    this.schedule();
  }

  focus(): void {
    this.element.focus();
  }

  get topRow(): number {
    return Math.floor(this.firstRowExact());
  }

  get pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / ROW_HEIGHT) - 1);
  }

  scrollToRow(row: number, align: 'nearest' | 'center' | 'top' | 'end' = 'nearest'): void {
    const visible = this.viewportHeight / ROW_HEIGHT;
    const top = this.firstRowExact();
    let first = top;
    if (align === 'top') first = row;
    else if (align === 'end') first = row - visible + 1;
    else if (align === 'center') first = row - visible / 2;
    else if (row < top) first = row;
    else if (row + 1 > top + visible) first = row + 1 - visible;
    this.setFirstRow(first);
  }

  scrollToEnd(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.schedule();
  }

  get atEnd(): boolean {
    return this.scroller.scrollTop + this.scroller.clientHeight >= this.scroller.scrollHeight - ROW_HEIGHT;
  }

  // ---- geometry ---------------------------------------------------------------------------

  private get viewportHeight(): number {
    return this.scroller.clientHeight || ROW_HEIGHT * 20;
  }

  private get geometry(): ScrollGeometry {
    return { total: this.total, rowHeight: ROW_HEIGHT, viewportHeight: this.viewportHeight, maxHeight: MAX_SCROLL_HEIGHT };
  }

  private get scrollHeight(): number {
    return contentHeight(this.geometry);
  }

  private get scaled(): boolean {
    return isScaled(this.geometry);
  }

  /** The (fractional) row at the top of the viewport. */
  private firstRowExact(): number {
    return firstRowAt(this.scroller.scrollTop, this.geometry);
  }

  private setFirstRow(first: number): void {
    this.scroller.scrollTop = scrollTopFor(Math.min(first, lastFirstRow(this.geometry)), this.geometry);
    this.schedule();
  }

  // ---- rendering --------------------------------------------------------------------------

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    this.spacer.style.height = `${Math.max(0, this.scrollHeight - this.viewportHeight)}px`;
    this.layer.style.height = `${this.viewportHeight}px`;
    const exact = this.firstRowExact();
    const first = Math.floor(exact);
    const offset = this.scaled ? 0 : (exact - first) * ROW_HEIGHT;
    const visible = Math.ceil(this.viewportHeight / ROW_HEIGHT) + 1;
    const start = Math.max(0, first - MARGIN_ROWS);
    const end = Math.min(this.total, first + visible + MARGIN_ROWS);
    this.callbacks.needRows(start, end);
    clear(this.layer);
    const fragment = document.createDocumentFragment();
    for (let row = start; row < end; row++) {
      const element = this.renderRow(row, this.callbacks.rowAt(row));
      element.style.transform = `translateY(${(row - first) * ROW_HEIGHT - offset}px)`;
      fragment.append(element);
    }
    this.layer.append(fragment);
    const active = this.selectedRow >= start && this.selectedRow < end ? `row-${this.selectedRow}` : null;
    if (active) this.element.setAttribute('aria-activedescendant', active);
    else this.element.removeAttribute('aria-activedescendant');
  }

  private renderHeader(): void {
    clear(this.header);
    // [column class, header text]: the class names the column, the text is the person's language.
    const columns: [string, string][] = [
      ...(this.merged ? [['log', t('Log')] as [string, string]] : []),
      ['time', t('Time')],
      ['component', t('Component')],
      ['thread', t('Thread')],
      ['severity', t('Severity')],
      ['message', t('Message')],
    ];
    columns.forEach(([column, name], i) => this.header.append(h('div', { role: 'columnheader', class: `cell c-${column}`, 'aria-colindex': i + 1 }, name)));
  }

  private renderRow(row: number, data: RowDto | undefined): HTMLDivElement {
    const selected = row === this.selectedRow;
    const element = h('div', {
      id: `row-${row}`,
      role: 'row',
      class: `grid-row${data ? ` sev-${data.severity}` : ' loading'}${selected ? ' selected' : ''}`,
      'aria-rowindex': row + 2,
      'aria-selected': selected ? 'true' : 'false',
      'data-row': row,
    });
    if (!data) {
      element.append(h('div', { role: 'gridcell', class: 'cell c-message', 'aria-colindex': 1 }, '\u2026'));
      return element;
    }
    let col = 1;
    if (this.merged) {
      const log = this.logs[data.log];
      element.append(h('div', { role: 'gridcell', class: 'cell c-log', 'aria-colindex': col++, title: log?.path ?? '' }, h('span', { class: `chip ${logColorClass(data.log)}`, 'aria-hidden': 'true' }), log?.name ?? ''));
    }
    element.append(
      h('div', { role: 'gridcell', class: 'cell c-time', 'aria-colindex': col++, title: data.utc ? `${data.utc.replace('T', ' ').replace('Z', '')} UTC` : t('The log states no time zone') }, data.time),
      h('div', { role: 'gridcell', class: 'cell c-component', 'aria-colindex': col++, title: data.component }, data.component),
      h('div', { role: 'gridcell', class: 'cell c-thread', 'aria-colindex': col++ }, data.thread),
      h('div', { role: 'gridcell', class: `cell c-severity`, 'aria-colindex': col++, 'aria-label': SEVERITY_WORD[data.severity] }, icon(SEVERITY_ICON[data.severity]), SEVERITY_SHORT[data.severity]),
      h('div', { role: 'gridcell', class: 'cell c-message', 'aria-colindex': col++, title: data.more ? t('More in the detail pane (Enter)') : null }, data.text, data.more ? h('span', { class: 'more', 'aria-hidden': 'true' }, ' \u2026') : null),
    );
    return element;
  }

  private rowOfEvent(e: Event): number {
    const target = (e.target as HTMLElement | null)?.closest<HTMLElement>('[data-row]');
    return target ? Number(target.dataset.row) : -1;
  }

  private onKey(e: KeyboardEvent): void {
    const current = this.selectedRow < 0 ? this.topRow - 1 : this.selectedRow;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = current + 1;
        break;
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'PageDown':
        next = current + this.pageRows;
        break;
      case 'PageUp':
        next = current - this.pageRows;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.total - 1;
        break;
      case 'Enter':
        if (this.selectedRow >= 0) this.callbacks.activated(this.selectedRow);
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.select(next);
  }
}
