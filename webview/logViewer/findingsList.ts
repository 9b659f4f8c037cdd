import type { FindingDto, LogInfo } from '../../src/webviews/logViewer/protocol';
import { SEVERITY_ICON, SEVERITY_WORD, clear, h, icon } from '../shared/dom';
import { t } from '../shared/l10n';
import { logColorClass } from './logColors';

/** The knowledge base's findings beside the grid; a click selects the record in the grid. */
export class FindingsList {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly heading: HTMLElement;
  private findings: FindingDto[] = [];
  private logs: LogInfo[] = [];
  /** Names of the merged logs shown (empty for one log): every summary passes the logs, mostly unchanged. */
  private logNames: string | undefined;

  constructor(private readonly reveal: (id: number) => void) {
    this.heading = h('h2', { id: 'findings-heading' }, t('Findings'));
    this.list = h('ul', { class: 'findings-list', 'aria-labelledby': 'findings-heading' });
    this.element = h('aside', { class: 'findings', 'aria-labelledby': 'findings-heading', 'data-region': 'findings', tabindex: -1 }, this.heading, this.list);
  }

  setLogs(logs: LogInfo[]): void {
    this.logs = logs;
    const names = logs.length > 1 ? logs.map((l) => l.name).join('\n') : '';
    if (names === this.logNames) return;
    this.logNames = names;
    this.render();
  }

  update(findings: FindingDto[]): void {
    this.findings = findings;
    this.render();
  }

  private render(): void {
    const merged = this.logs.length > 1;
    // Rebuilding drops the focus: give it back to the same finding (ids are renumbered as findings arrive).
    const focusedKey = this.list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.key : undefined;
    clear(this.list);
    this.heading.textContent = t('Findings ({0})', this.findings.length);
    if (!this.findings.length) {
      this.list.append(h('li', { class: 'placeholder' }, t('No known problem found in this log.')));
      return;
    }
    for (const finding of this.findings) {
      const log = this.logs[finding.log];
      const key = `${finding.log}:${finding.record}:${finding.rule ?? finding.title}`;
      const button = h('button', { class: `finding sev-${finding.severity}`, title: `${finding.cause}\n\n${t('Fix:')} ${finding.fix}`, 'data-key': key },
        icon(SEVERITY_ICON[finding.severity], SEVERITY_WORD[finding.severity]),
        h('span', { class: 'finding-title' }, finding.title),
        h('span', { class: 'finding-where' }, merged && log ? h('span', { class: `chip ${logColorClass(finding.log)}`, 'aria-hidden': 'true' }) : null, merged && log ? `${log.name}:${finding.line}` : t('line {0}', finding.line)),
      );
      button.addEventListener('click', () => this.reveal(finding.id));
      this.list.append(h('li', {}, button));
      if (key === focusedKey) button.focus();
    }
  }
}
