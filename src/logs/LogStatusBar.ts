import * as vscode from 'vscode';
import { LogCommands } from '../constants';
import { DisposableStore } from '../platform/lifecycle';
import type { LogDocumentTracker } from './LogDocumentTracker';
import { uriKey } from './logUris';

/**
 * `$(error) N $(warning) M` for the SCCM log in the active editor: the log's own error and
 * warning records (not the findings, which the tooltip counts). Hidden for other editors;
 * a click opens the log viewer.
 */
export class LogStatusBar extends DisposableStore {
  private readonly item = this.register(vscode.window.createStatusBarItem('sccm.logs.status', vscode.StatusBarAlignment.Right, 100));
  private shown = false;

  constructor(private readonly tracker: LogDocumentTracker) {
    super();
    this.item.name = vscode.l10n.t('SCCM Log');
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(
      tracker.onDidChangeFindings((log) => {
        if (log.key === this.activeKey()) this.update();
      }),
    );
    this.register(tracker.onDidRemoveLog(() => this.update()));
    this.update();
  }

  /** What the item shows now (for tests). */
  snapshot(): { visible: boolean; text: string; tooltip: string; accessibilityLabel: string; command: string | undefined } {
    const tooltip = this.item.tooltip;
    const command = this.item.command;
    return {
      visible: this.shown,
      text: this.item.text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      accessibilityLabel: this.item.accessibilityInformation?.label ?? '',
      command: typeof command === 'string' ? command : command?.command,
    };
  }

  private activeKey(): string | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri ? uriKey(uri) : undefined;
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const log = uri ? this.tracker.get(uri) : undefined;
    const analysis = log?.analysis;
    if (!uri || !log || !analysis) {
      this.shown = false;
      this.item.hide();
      return;
    }
    const { error, warning } = analysis.store.counts;
    const findings = analysis.findings.length;
    this.item.text = `$(error) ${error} $(warning) ${warning}`;
    const tooltip = new vscode.MarkdownString(
      [
        vscode.l10n.t('**SCCM log** ({0})', analysis.format ?? log.sniffedFormat),
        vscode.l10n.t('{0} error records, {1} warning records, {2} records in all', error, warning, analysis.store.recordCount),
        vscode.l10n.t('{0} findings explained in the Problems panel', findings),
        vscode.l10n.t('Click to open the log viewer'),
      ].join('\n\n'),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('SCCM log: {0} error records, {1} warning records, {2} findings. Open the log viewer.', error, warning, findings),
    };
    this.item.command = { title: vscode.l10n.t('Open Log Viewer'), command: LogCommands.openViewer, arguments: [uri] };
    this.shown = true;
    this.item.show();
  }
}
