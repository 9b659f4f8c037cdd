import './styles.css';
import type { TaskSequencePhase, TaskSequenceStep, TaskSequenceTimeline } from '../../src/core/logs/viewer/taskSequenceTypes';
import { formatDuration } from '../../src/webviews/logViewer/timeText';
import { isTimelineWebviewState, parseTimelineEvent, type StepExplanation, type TimelineRequest, type TimelineWebviewState } from '../../src/webviews/timeline/protocol';
import { clear, h, icon } from '../shared/dom';
import { t } from '../shared/l10n';
import { reportCspViolations, vscodeApi } from '../shared/vscodeApi';

const vscode = vscodeApi<TimelineWebviewState>();
const post = (request: TimelineRequest): void => vscode.postMessage(request);
reportCspViolations(post);

const app = document.getElementById('app') as HTMLElement;
app.classList.add('timeline');
const saved = vscode.getState();
let selected: number | null = isTimelineWebviewState(saved) ? saved.selected : null;

const RESULT_ICON: Record<TaskSequenceStep['result'], string> = {
  success: 'pass',
  failed: 'error',
  skipped: 'debug-step-over',
  running: 'loading',
  unknown: 'circle-outline',
};
const RESULT_WORD: Record<TaskSequenceStep['result'], string> = {
  success: t('succeeded'),
  failed: t('failed'),
  skipped: t('skipped'),
  running: t('still running when the log ends'),
  unknown: t('result not logged'),
};
// WinPE is a product name: it stays as it is in every language.
const PHASE_WORD: Record<TaskSequencePhase, string> = { winpe: 'WinPE', fullos: t('Full OS'), unknown: t('Phase not known') };

function stepLabel(step: TaskSequenceStep): string {
  const parts = [step.kind === 'group' ? t('Group {0}', step.name) : step.name, RESULT_WORD[step.result]];
  if (step.errorCode) parts.push(t('error {0}', step.errorCode));
  else if (step.exitCode !== null && step.result !== 'success') parts.push(t('exit code {0}', step.exitCode));
  if (step.durationMs !== null) parts.push(t('took {0}', formatDuration(step.durationMs)));
  parts.push(PHASE_WORD[step.phase], t('line {0}', step.line));
  return parts.join(', ');
}

/** "Reboot to the installed OS" (ConfigMgr's target "HD"), "Reboot to <target>", or "Reboot". */
function rebootText(target: string | null): string {
  if (!target) return t('Reboot');
  return t('Reboot to {0}', target === 'HD' ? t('the installed OS') : target);
}

function render(title: string, fileName: string, uri: string, timeline: TaskSequenceTimeline, explanation: StepExplanation | null): void {
  vscode.setState({ uri, selected });
  clear(app);
  const start = timeline.startMs ?? 0;
  const end = Math.max(start + 1, timeline.endMs ?? start + 1);
  const span = end - start;
  const at = (ms: number | null): number => (ms === null ? 0 : Math.max(0, Math.min(100, ((ms - start) / span) * 100)));

  const actions = timeline.steps.filter((s) => s.kind === 'action');
  const failed = timeline.failedStep === null ? null : timeline.steps[timeline.failedStep];
  const outcome =
    timeline.outcome === 'failed' ? t('task sequence failed') : timeline.outcome === 'success' ? t('task sequence completed') : t('task sequence outcome not in the log');
  const reboots = timeline.reboots.length === 1 ? t('1 reboot') : t('{0} reboots', timeline.reboots.length);
  app.append(
    h('header', { class: 'tl-head' },
      h('h1', {}, title),
      h('p', { class: 'muted' }, t('{0}: {1} steps, {2}, {3}; {4}.', fileName, actions.length, reboots, formatDuration(span), outcome)),
    ),
  );
  if (failed) {
    const open = h('button', { class: 'link-button' }, icon('table'), ` ${t('Show in the log viewer')}`);
    open.addEventListener('click', () => post({ type: 'openStep', order: failed.order, target: 'viewer' }));
    app.append(
      h('section', { class: 'callout', role: 'region', 'aria-label': t('Failing step') },
        h('h2', {}, icon('error'), ` ${failed.errorCode ? t('Failed: {0} ({1})', failed.name, failed.errorCode) : t('Failed: {0}', failed.name)}`),
        failed.errorText ? h('p', {}, failed.errorText) : null,
        explanation ? h('p', {}, h('strong', {}, explanation.title)) : null,
        explanation ? h('p', {}, h('strong', {}, `${t('Cause:')} `), explanation.cause) : null,
        explanation ? h('p', {}, h('strong', {}, `${t('Fix:')} `), explanation.fix) : null,
        open,
      ),
    );
  }
  // Phase legend.
  app.append(
    h('div', { class: 'phase-legend', 'aria-hidden': 'true' },
      h('span', { class: 'band-key phase-winpe' }), PHASE_WORD.winpe, h('span', { class: 'band-key phase-fullos' }), PHASE_WORD.fullos, h('span', { class: 'reboot-key' }, icon('debug-restart')), t('Reboot')),
  );

  const list = h('ol', { class: 'steps', 'aria-label': t('Task sequence steps') });
  const bands = (): HTMLElement => {
    const layer = h('div', { class: 'bands', 'aria-hidden': 'true' });
    for (const phase of timeline.phases) {
      const band = h('div', { class: `band phase-${phase.phase}`, title: `${PHASE_WORD[phase.phase]}: ${phase.evidence}` });
      band.style.left = `${at(phase.startMs)}%`;
      band.style.width = `${Math.max(0.2, at(phase.endMs) - at(phase.startMs))}%`;
      layer.append(band);
    }
    for (const reboot of timeline.reboots) {
      const mark = h('div', { class: 'reboot-line' });
      mark.style.left = `${at(reboot.timeMs)}%`;
      layer.append(mark);
    }
    return layer;
  };
  const rows: HTMLElement[] = [];
  const phaseStarts = new Map(timeline.phases.map((p) => [p.startRecord, p]));
  for (const step of timeline.steps) {
    for (const [record, phase] of [...phaseStarts]) {
      if (record <= step.startRecord) {
        list.append(h('li', { class: `phase-row phase-${phase.phase}` }, t('{0} (boot {1})', PHASE_WORD[phase.phase], phase.boot + 1), h('span', { class: 'muted' }, ` \u2014 ${phase.evidence}`)));
        phaseStarts.delete(record);
      }
    }
    const bar = h('div', { class: `bar result-${step.result}${step.kind === 'group' ? ' group' : ''}` });
    bar.style.left = `${at(step.startMs)}%`;
    bar.style.width = `${Math.max(0.3, at(step.endMs ?? step.startMs) - at(step.startMs))}%`;
    const row = h('li', {
      class: `step result-${step.result}${step.kind === 'group' ? ' group' : ''}${step.order === timeline.failedStep ? ' failing' : ''}${step.order === selected ? ' selected' : ''}`,
      tabindex: step.order === (selected ?? 0) ? 0 : -1,
      'aria-label': stepLabel(step),
      'data-order': step.order,
    },
      h('span', { class: 'result' }, icon(RESULT_ICON[step.result])),
      h('span', { class: 'name', title: step.commandLine ?? step.name }, ...(step.depth ? [h('span', { class: 'indent' })] : []), step.name),
      h('span', { class: 'start' }, step.startTime ? step.startTime.slice(11, 19) : ''),
      h('span', { class: 'track' }, bands(), bar),
      h('span', { class: 'duration' }, step.durationMs === null ? '' : formatDuration(step.durationMs)),
      h('span', { class: 'code' }, step.errorCode ?? (step.exitCode !== null && step.exitCode !== 0 ? String(step.exitCode) : '')),
    );
    const indent = row.querySelector<HTMLElement>('.indent');
    if (indent) indent.style.width = `${step.depth * 14}px`;
    const goTo = h('button', { class: 'icon-button', title: t('Go to line {0}', step.line), 'aria-label': t('Go to line {0} of {1}', step.line, fileName), tabindex: -1 }, icon('go-to-file'));
    goTo.addEventListener('click', (e) => {
      e.stopPropagation();
      post({ type: 'openStep', order: step.order, target: 'editor' });
    });
    row.append(goTo);
    row.addEventListener('click', () => choose(step.order, 'viewer'));
    list.append(row);
    rows.push(row);
    for (const reboot of timeline.reboots.filter((r) => r.stepOrder === step.order)) {
      list.append(h('li', { class: 'reboot-row' }, icon('debug-restart'), ` ${rebootText(reboot.target)}`, h('span', { class: 'muted' }, ` ${t('at {0}, line {1}', reboot.time?.slice(11, 19) ?? '?', reboot.line)}`)));
    }
  }
  if (!timeline.steps.length) list.append(h('li', { class: 'placeholder' }, t('No task-sequence step in this log. Is it an smsts.log?')));
  app.append(list);

  function choose(order: number, target: 'viewer' | 'editor'): void {
    selected = order;
    vscode.setState({ uri, selected });
    rows.forEach((r) => {
      const mine = Number(r.dataset.order) === order;
      r.classList.toggle('selected', mine);
      r.tabIndex = mine ? 0 : -1;
    });
    post({ type: 'openStep', order, target });
  }

  list.addEventListener('keydown', (e) => {
    const current = rows.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    let next = current;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, current + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'Enter') {
      choose(Number(rows[current].dataset.order), e.shiftKey ? 'editor' : 'viewer');
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    rows[current].tabIndex = -1;
    rows[next].tabIndex = 0;
    rows[next].focus();
  });
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const event = parseTimelineEvent(e.data);
  if (!event) return;
  if (event.type === 'error') {
    clear(app);
    app.append(h('p', { class: 'error', role: 'alert' }, event.message));
    return;
  }
  if (selected === null && event.state) selected = event.state.selected;
  document.title = event.title;
  render(event.title, event.fileName, event.uri, event.timeline, event.explanation);
});
post({ type: 'ready' });
