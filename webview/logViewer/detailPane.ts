import type { DetailDto } from '../../src/webviews/logViewer/protocol';
import { SEVERITY_ICON, SEVERITY_WORD, clear, h, icon } from '../shared/dom';
import { t } from '../shared/l10n';

export interface DetailCallbacks {
  openLine(log: number, line: number): void;
  lookupCode(code: string): void;
  closed(): void;
}

/** The selected record in full: message, times, fields, error codes with their messages. */
export class DetailPane {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private current: DetailDto | null = null;

  constructor(private readonly callbacks: DetailCallbacks) {
    this.body = h('div', { class: 'detail-body' });
    this.element = h('section', { class: 'detail', 'aria-label': t('Selected record'), 'data-region': 'detail', tabindex: -1 }, this.body);
    this.show(null);
  }

  get detail(): DetailDto | null {
    return this.current;
  }

  show(detail: DetailDto | null): void {
    this.current = detail;
    clear(this.body);
    if (!detail) {
      this.body.append(h('p', { class: 'placeholder' }, t('Select a record to see its full message, times and error codes.')));
      return;
    }
    const goTo = h('button', { class: 'link-button', title: t('Open {0} at line {1}', detail.logName, detail.line) }, icon('go-to-file'), ` ${t('Go to line {0}', detail.line)}`);
    goTo.addEventListener('click', () => this.callbacks.openLine(detail.log, detail.line));
    const close = h('button', { class: 'icon-button', title: t('Close the detail (Escape)'), 'aria-label': t('Close the detail') }, icon('close'));
    close.addEventListener('click', () => this.callbacks.closed());
    const where = detail.endLine > detail.line ? t('{0}, lines {1}\u2013{2}', detail.logName, detail.line, detail.endLine) : t('{0}, line {1}', detail.logName, detail.line);
    this.body.append(
      h('div', { class: `detail-head sev-${detail.severity}` },
        icon(SEVERITY_ICON[detail.severity]),
        h('strong', {}, SEVERITY_WORD[detail.severity]),
        h('span', { class: 'muted' }, ` ${where}`),
        goTo,
        close,
      ),
      h('pre', { class: 'message', tabindex: 0, 'aria-label': t('Message') }, detail.message),
      this.fields(detail),
    );
    if (detail.codes.length) {
      const list = h('ul', { class: 'codes', 'aria-label': t('Error codes in the message') });
      for (const code of detail.codes) {
        const button = h('button', { class: 'code-button', title: t('Look up {0}', code.code) }, code.code);
        button.addEventListener('click', () => this.callbacks.lookupCode(code.code));
        list.append(h('li', {}, button, h('span', {}, ` ${code.name ? `${code.name}: ` : ''}${code.message ?? t('Message not known.')}`)));
      }
      this.body.append(h('h3', {}, t('Error codes')), list);
    }
    for (const finding of detail.findings) {
      this.body.append(
        h('div', { class: `finding-detail sev-${finding.severity}` },
          h('h3', {}, icon(SEVERITY_ICON[finding.severity]), ` ${finding.title}`),
          h('p', {}, h('strong', {}, `${t('Cause:')} `), finding.cause),
          h('p', {}, h('strong', {}, `${t('Fix:')} `), finding.fix),
        ),
      );
    }
  }

  private fields(detail: DetailDto): HTMLElement {
    const rows: [string, string][] = [
      [t('Local time'), detail.localTime ? detail.localTime.replace('T', ' ') : '\u2014'],
      ['UTC', detail.utc ? detail.utc.replace('T', ' ').replace('Z', '') : t('not stated by the log')],
      [t('Time zone'), detail.zone ?? t('not stated by the log')],
      [t('Component'), detail.component || '\u2014'],
      [t('Thread'), detail.thread || '\u2014'],
      [t('Source file'), detail.sourceFile ?? '\u2014'],
      [t('Log file'), detail.path],
    ];
    return h('dl', { class: 'fields' }, ...rows.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
  }
}
