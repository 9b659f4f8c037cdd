import type { LogInfo } from '../../src/webviews/logViewer/protocol';
import { clear, h, setAttributes } from '../shared/dom';
import { t } from '../shared/l10n';
import { logColorClass } from './logColors';

function chipAttributes(log: LogInfo, shown: boolean): Record<string, string | number> {
  const facts = [t('{0} records', log.records.toLocaleString()), log.hasZone ? null : t('no time zone'), log.live ? t('following') : null];
  return {
    class: `legend-chip${shown ? '' : ' off'}`,
    'aria-pressed': shown ? 'true' : 'false',
    'data-log': log.id,
    title: `${log.path}\n${facts.filter((f) => f !== null).join(', ')}`,
  };
}

/** Merged logs: one chip per log (colour + name); a click hides or shows that log's rows. */
export class Legend {
  readonly element: HTMLElement;
  private readonly chips: HTMLElement;
  private readonly note: HTMLElement;
  /** The logs the chips are for: every summary comes here, and only a rollover changes them. */
  private chipLogs = '';

  constructor(private readonly toggle: (log: number) => void) {
    this.chips = h('div', { class: 'legend-chips', role: 'group', 'aria-label': t('Merged logs') });
    this.note = h('div', { class: 'zone-note', role: 'note' });
    this.element = h('div', { class: 'legend' }, this.chips, this.note);
  }

  update(logs: LogInfo[], hidden: readonly number[], unzonedLogs: readonly string[]): void {
    const zoneNote = unzonedNote(unzonedLogs);
    this.element.hidden = logs.length < 2 && !zoneNote;
    const merged = logs.length > 1 ? logs : [];
    const chipLogs = merged.map((l) => `${l.id}:${l.name}`).join('\n');
    if (chipLogs === this.chipLogs) {
      // Same logs: update the chips in place (record counts grow), so a focused chip keeps the focus.
      merged.forEach((log, i) => {
        const chip = this.chips.children[i];
        if (chip) setAttributes(chip, chipAttributes(log, !hidden.includes(log.id)));
      });
    } else {
      this.chipLogs = chipLogs;
      clear(this.chips);
      for (const log of merged) {
        const chip = h('button', chipAttributes(log, !hidden.includes(log.id)), h('span', { class: `chip ${logColorClass(log.id)}`, 'aria-hidden': 'true' }), log.name);
        chip.addEventListener('click', () => this.toggle(log.id));
        this.chips.append(chip);
      }
    }
    this.note.textContent = zoneNote ?? '';
    this.note.hidden = !zoneNote;
  }
}

/** Why some merged logs may look out of order: they state no time zone. */
function unzonedNote(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return names.length === 1 ? t('No time zone in {0}: it is ordered by its local time.', names[0]) : t('No time zone in {0}: they are ordered by their local time.', names.join(', '));
}
