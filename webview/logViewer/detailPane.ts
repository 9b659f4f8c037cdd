import type { DetailDto } from '../../src/webviews/logViewer/protocol';
import { SEVERITY_ICON, SEVERITY_WORD, clear, h, icon } from '../shared/dom';

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
    this.element = h('section', { class: 'detail', 'aria-label': 'Selected record', 'data-region': 'detail', tabindex: -1 }, this.body);
    this.show(null);
  }

  get detail(): DetailDto | null {
    return this.current;
  }

  show(detail: DetailDto | null): void {
    this.current = detail;
    clear(this.body);
    if (!detail) {
      this.body.append(h('p', { class: 'placeholder' }, 'Select a record to see its full message, times and error codes.'));
      return;
    }
    const goTo = h('button', { class: 'link-button', title: `Open ${detail.logName} at line ${detail.line}` }, icon('go-to-file'), ` Go to line ${detail.line}`);
    goTo.addEventListener('click', () => this.callbacks.openLine(detail.log, detail.line));
    const close = h('button', { class: 'icon-button', title: 'Close the detail (Escape)', 'aria-label': 'Close the detail' }, icon('close'));
    close.addEventListener('click', () => this.callbacks.closed());
    const lines = detail.endLine > detail.line ? `lines ${detail.line}\u2013${detail.endLine}` : `line ${detail.line}`;
    this.body.append(
      h('div', { class: `detail-head sev-${detail.severity}` },
        icon(SEVERITY_ICON[detail.severity]),
        h('strong', {}, SEVERITY_WORD[detail.severity]),
        h('span', { class: 'muted' }, ` ${detail.logName}, ${lines}`),
        goTo,
        close,
      ),
      h('pre', { class: 'message', tabindex: 0, 'aria-label': 'Message' }, detail.message),
      this.fields(detail),
    );
    if (detail.codes.length) {
      const list = h('ul', { class: 'codes', 'aria-label': 'Error codes in the message' });
      for (const code of detail.codes) {
        const button = h('button', { class: 'code-button', title: `Look up ${code.code}` }, code.code);
        button.addEventListener('click', () => this.callbacks.lookupCode(code.code));
        list.append(h('li', {}, button, h('span', {}, ` ${code.name ? `${code.name}: ` : ''}${code.message}`)));
      }
      this.body.append(h('h3', {}, 'Error codes'), list);
    }
    for (const finding of detail.findings) {
      this.body.append(
        h('div', { class: `finding-detail sev-${finding.severity}` },
          h('h3', {}, icon(SEVERITY_ICON[finding.severity]), ` ${finding.title}`),
          h('p', {}, h('strong', {}, 'Cause: '), finding.cause),
          h('p', {}, h('strong', {}, 'Fix: '), finding.fix),
        ),
      );
    }
  }

  private fields(detail: DetailDto): HTMLElement {
    const rows: [string, string][] = [
      ['Local time', detail.localTime ? detail.localTime.replace('T', ' ') : '\u2014'],
      ['UTC', detail.utc ? detail.utc.replace('T', ' ').replace('Z', '') : 'not stated by the log'],
      ['Time zone', detail.zone ?? 'not stated by the log'],
      ['Component', detail.component || '\u2014'],
      ['Thread', detail.thread || '\u2014'],
      ['Source file', detail.sourceFile ?? '\u2014'],
      ['Log file', detail.path],
    ];
    return h('dl', { class: 'fields' }, ...rows.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
  }
}
