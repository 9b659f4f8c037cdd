import * as vscode from 'vscode';
import { createDiagnoser } from '../../core/logs/kb/diagnoser';
import { LogParser } from '../../core/logs/logParser';
import type { RecordStore } from '../../core/logs/recordStore';
import { readLogFile } from '../../core/logs/scan';
import { extractTaskSequence, findingForStep } from '../../core/logs/viewer/taskSequence';
import type { TaskSequenceTimeline } from '../../core/logs/viewer/taskSequenceTypes';
import { baseNameOf, logPathOf } from '../../logs/logUris';
import type { Logger } from '../../platform/logger';
import { WebviewPanelBase } from '../WebviewPanelBase';
import { parseTimelineRequest, type StepExplanation, type TimelineEvent, type TimelineRequest, type TimelineWebviewState } from './protocol';

export interface TimelineServices {
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  /** Opens the log viewer on a log with a record selected. */
  openViewerAt(uri: vscode.Uri, record: number): Promise<void>;
  track(panel: TimelinePanel, open: boolean): void;
}

/** What a timeline panel tells the integration tests. */
export interface TimelineTestView {
  readonly uri: vscode.Uri;
  readonly loaded: Promise<void>;
  /** True once the panel is closed. */
  readonly isDisposed: boolean;
  readonly timeline: TaskSequenceTimeline | undefined;
  readonly explanation: StepExplanation | null;
  readonly webviewReady: boolean;
  readonly cspViolations: readonly string[];
  receive(message: unknown): Promise<void>;
}

/** The task-sequence timeline of one smsts.log: steps, durations, reboots, WinPE / full-OS phases. */
export class TimelinePanel extends WebviewPanelBase<TimelineRequest, TimelineEvent> implements TimelineTestView {
  readonly loaded: Promise<void>;
  timeline: TaskSequenceTimeline | undefined;
  explanation: StepExplanation | null = null;
  webviewReady = false;
  readonly cspViolations: string[] = [];
  private error: string | null = null;

  constructor(
    panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly services: TimelineServices,
    private readonly restored: TimelineWebviewState | null = null,
  ) {
    super(panel, services.extensionUri, { name: 'timeline', title: vscode.l10n.t('Task Sequence Timeline') }, parseTimelineRequest, services.logger);
    panel.title = vscode.l10n.t('Timeline: {0}', baseNameOf(uri));
    services.track(this, true);
    this.register({ dispose: () => services.track(this, false) });
    this.loaded = this.load();
  }

  async receive(message: unknown): Promise<void> {
    const request = parseTimelineRequest(message);
    if (request) await this.onMessage(request);
  }

  /** Logs on other file systems (remote, virtual) come whole through workspace.fs. */
  private async readThroughVscode(): Promise<RecordStore> {
    const parser = new LogParser({ path: logPathOf(this.uri) });
    parser.push(await vscode.workspace.fs.readFile(this.uri));
    parser.end();
    return parser.store;
  }

  private async load(): Promise<void> {
    try {
      const store = this.uri.scheme === 'file' ? await readLogFile(this.uri.fsPath) : await this.readThroughVscode();
      this.timeline = extractTaskSequence(store);
      const failed = this.timeline.failedStep === null ? undefined : this.timeline.steps[this.timeline.failedStep];
      if (failed) {
        const diagnoser = createDiagnoser();
        const findings = [...diagnoser.update(store, 0, store.recordCount), ...diagnoser.atEnd(store)];
        const finding = findingForStep(failed, findings);
        this.explanation = finding
          ? { title: finding.title, cause: finding.cause, fix: finding.fix, code: finding.code, codeMessage: finding.codeMessage, rule: finding.rule }
          : null;
      }
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.services.logger.error(`Timeline: reading ${this.uri.toString()}`, err);
    }
    this.send();
  }

  private send(): void {
    if (!this.webviewReady) return;
    if (this.error !== null) {
      this.post({ type: 'error', message: vscode.l10n.t('Could not read {0}: {1}', baseNameOf(this.uri), this.error) });
      return;
    }
    if (!this.timeline) return;
    this.post({
      type: 'timeline',
      title: this.panel.title,
      uri: this.uri.toString(),
      fileName: baseNameOf(this.uri),
      timeline: this.timeline,
      explanation: this.explanation,
      state: this.restored,
    });
  }

  protected async onMessage(request: TimelineRequest): Promise<void> {
    switch (request.type) {
      case 'ready':
        this.webviewReady = true;
        this.send();
        return;
      case 'openStep': {
        const step = this.timeline?.steps[request.order];
        if (!step) return;
        if (request.target === 'viewer') {
          await this.services.openViewerAt(this.uri, step.startRecord);
        } else {
          const position = new vscode.Position(Math.max(0, step.line - 1), 0);
          await vscode.window.showTextDocument(this.uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
        return;
      }
      case 'cspViolation':
        this.cspViolations.push(`${request.directive}: ${request.blocked}`);
        this.services.logger.warn(`Timeline: content security policy blocked ${request.blocked} (${request.directive})`);
        return;
    }
  }
}
