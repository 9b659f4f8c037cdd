import type { LogInfo } from '../../src/webviews/logViewer/protocol';
import { clear, h } from '../shared/dom';
import { logColorClass } from './logColors';

/** Merged logs: one chip per log (colour + name); a click hides or shows that log's rows. */
export class Legend {
  readonly element: HTMLElement;
  private readonly chips: HTMLElement;
  private readonly note: HTMLElement;

  constructor(private readonly toggle: (log: number) => void) {
    this.chips = h('div', { class: 'legend-chips', role: 'group', 'aria-label': 'Merged logs' });
    this.note = h('div', { class: 'zone-note', role: 'note' });
    this.element = h('div', { class: 'legend' }, this.chips, this.note);
  }

  update(logs: LogInfo[], hidden: readonly number[], zoneNote: string | null): void {
    this.element.hidden = logs.length < 2 && !zoneNote;
    clear(this.chips);
    if (logs.length > 1) {
      for (const log of logs) {
        const shown = !hidden.includes(log.id);
        const chip = h('button', { class: `legend-chip${shown ? '' : ' off'}`, 'aria-pressed': shown ? 'true' : 'false', title: `${log.path}\n${log.records.toLocaleString()} records${log.hasZone ? '' : ', no time zone'}${log.live ? ', following' : ''}` },
          h('span', { class: `chip ${logColorClass(log.id)}`, 'aria-hidden': 'true' }), log.name);
        chip.addEventListener('click', () => this.toggle(log.id));
        this.chips.append(chip);
      }
    }
    this.note.textContent = zoneNote ?? '';
    this.note.hidden = !zoneNote;
  }
}
