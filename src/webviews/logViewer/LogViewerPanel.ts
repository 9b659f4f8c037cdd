import * as vscode from 'vscode';
import { LogCommands } from '../../constants';
import { baseNameOf, logPathOf, uriOfLogPath } from '../../logs/logUris';
import type { Logger } from '../../platform/logger';
import { WebviewPanelBase } from '../WebviewPanelBase';
import { LogFeeds, type FeedSource } from './LogFeeds';
import type { ReadProgress } from './LogFeeds';
import { parseViewerRequest, type LoadingDto, type ViewerEvent, type ViewerRequest, type ViewerWebviewState } from './protocol';
import { ViewerModel } from './ViewerModel';

/** What a panel tells the integration tests (SCCM_TEST_RUN=1). */
export interface LogViewerTestView {
  /** `sccm.logViewerPanel` (command) or `sccm.logViewer` (custom editor). */
  readonly viewType: string;
  readonly model: ViewerModel;
  readonly uris: readonly vscode.Uri[];
  readonly webviewReady: boolean;
  /** True once the panel is closed (by the person or by "Close All Editors"). */
  readonly isDisposed: boolean;
  readonly loaded: Promise<void>;
  /** Requests the webview sent, by type (after validation). */
  readonly requests: ReadonlyMap<string, number>;
  /** Events sent to the webview, newest last (type only, bounded). */
  readonly events: readonly string[];
  readonly cspViolations: readonly string[];
  /** Hands a message to the panel as if the webview sent it (it is validated the same way). */
  receive(message: unknown): Promise<void>;
  /** Reads what live logs appended now. */
  checkTails(): Promise<void>;
}

export interface LogViewerServices {
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  /** Opens the task-sequence timeline of a log. */
  openTimeline(uri: vscode.Uri): Promise<void>;
  /** Called when a panel opens or closes (test registry). */
  track(panel: LogViewerPanel, open: boolean): void;
}

const SUMMARY_EVERY_MS = 150;
/** Loads above this size show a cancellable notification; smaller ones the status bar. */
const NOTIFY_ABOVE_BYTES = 16 * 1024 * 1024;

async function totalSize(uris: readonly vscode.Uri[]): Promise<number> {
  let total = 0;
  for (const uri of uris) {
    try {
      total += (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      // unreadable: the load reports it
    }
  }
  return total;
}

function isSmsts(uri: vscode.Uri): boolean {
  return /^smsts.*\.lo[g_]$/i.test(baseNameOf(uri));
}

/**
 * One log viewer: a webview panel (opened by a command or as the custom editor) showing
 * one log or several merged. The webview holds only the rows in view and asks for pages;
 * everything else (records, filter, histogram, findings) lives here and in the model.
 */
export class LogViewerPanel extends WebviewPanelBase<ViewerRequest, ViewerEvent> implements LogViewerTestView {
  readonly model = new ViewerModel();
  readonly loaded: Promise<void>;
  readonly requests = new Map<string, number>();
  readonly events: string[] = [];
  readonly cspViolations: string[] = [];
  webviewReady = false;
  private readonly feeds: LogFeeds;
  private loading: LoadingDto = { done: false, bytes: 0, totalBytes: 0, stopped: null };
  private summaryTimer: NodeJS.Timeout | undefined;
  private lastSummary = 0;
  /** Cancelled when the person cancels the load or closes the panel: a closed viewer reads no further. */
  private readonly stopLoading = new vscode.CancellationTokenSource();
  /** A record to select once the (reloaded) webview is ready. */
  private revealOnReady: { log: number; record: number } | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    readonly uris: readonly vscode.Uri[],
    private readonly services: LogViewerServices,
    private readonly restored: ViewerWebviewState | null = null,
  ) {
    super(panel, services.extensionUri, { name: 'logViewer', title: vscode.l10n.t('SCCM Log Viewer') }, parseViewerRequest, services.logger);
    panel.title = LogViewerPanel.titleFor(uris);
    this.feeds = new LogFeeds(this.model, {
      changed: (what) => this.onFeedsChanged(what),
      emptiedLogName: (name) => vscode.l10n.t('{0} (before it was emptied)', name),
    });
    services.track(this, true);
    this.register({ dispose: () => services.track(this, false) });
    this.register({ dispose: () => this.feeds.dispose() });
    this.register({ dispose: () => this.summaryTimer && clearTimeout(this.summaryTimer) });
    this.register({
      dispose: () => {
        this.stopLoading.cancel();
        this.stopLoading.dispose();
      },
    });
    this.loaded = this.load();
  }

  static titleFor(uris: readonly vscode.Uri[]): string {
    const names = uris.map(baseNameOf);
    if (names.length === 1) return names[0];
    const shown = names.slice(0, 2).join(' + ');
    return names.length > 2 ? vscode.l10n.t('Merged: {0} (+{1})', shown, names.length - 2) : vscode.l10n.t('Merged: {0}', shown);
  }

  get viewType(): string {
    return this.panel.viewType;
  }

  checkTails(): Promise<void> {
    return this.feeds.checkTails();
  }

  async receive(message: unknown): Promise<void> {
    const request = parseViewerRequest(message);
    if (request) await this.onMessage(request);
  }

  /**
   * Selects the record of `uri` (a step of its timeline) once the log is read. A hidden
   * webview is not kept alive and would miss the message: then it goes out once it is ready.
   */
  async revealRecord(uri: vscode.Uri, record: number): Promise<void> {
    await this.loaded;
    // After a rollover the log is in the model twice (the .lo_, then the new file): the current file is the last.
    const path = logPathOf(uri);
    let log = 0;
    this.model.logs.forEach((l, i) => {
      if (l.path === path) log = i;
    });
    if (this.webviewReady && this.panel.visible) this.sendReveal(log, record);
    else this.revealOnReady = { log, record };
  }

  // ---- loading --------------------------------------------------------------------------

  private async load(): Promise<void> {
    const sources = this.uris.map((uri): FeedSource => {
      const onDisk = uri.scheme === 'file';
      return {
        displayPath: logPathOf(uri),
        file: onDisk ? uri.fsPath : undefined,
        readAll: onDisk ? undefined : async () => vscode.workspace.fs.readFile(uri),
        // ConfigMgr appends to .log files; a .lo_ is the finished previous copy.
        live: onDisk && /\.log$/i.test(uri.fsPath),
      };
    });
    const title = vscode.l10n.t('Loading {0}', LogViewerPanel.titleFor(this.uris));
    const totals = new Map<string, ReadProgress>();
    // Small logs load in a blink: a notification would only flash. Big ones get a cancellable one.
    const size = await totalSize(this.uris);
    if (this.isDisposed) return;
    const location = size >= NOTIFY_ABOVE_BYTES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    try {
      await vscode.window.withProgress({ location, title, cancellable: location === vscode.ProgressLocation.Notification }, async (progress, token) => {
        let reported = 0;
        const cancelled = token.onCancellationRequested(() => this.stopLoading.cancel());
        try {
          await this.feeds.load(
            sources,
            (p) => {
              totals.set(p.file, p);
              // Bytes read of every log so far, out of all of them (merged logs are read one after another).
              const bytes = [...totals.values()].reduce((s, t) => s + t.bytes, 0);
              const totalBytes = Math.max(size, [...totals.values()].reduce((s, t) => s + t.totalBytes, 0));
              this.loading = { done: false, bytes, totalBytes, stopped: null };
              const percent = totalBytes ? Math.min(100, Math.floor((bytes / totalBytes) * 100)) : 0;
              if (percent > reported) {
                progress.report({ increment: percent - reported, message: vscode.l10n.t('{0}: {1} of {2}', p.file, formatBytes(p.bytes), formatBytes(p.totalBytes)) });
                reported = percent;
              }
              this.scheduleSummary();
            },
            this.stopLoading.token,
          );
        } finally {
          cancelled.dispose();
        }
        if (token.isCancellationRequested) this.loading.stopped = vscode.l10n.t('Loading was cancelled: the viewer shows what was read.');
      });
      this.feeds.follow();
    } catch (err) {
      this.loading.stopped = err instanceof Error ? err.message : String(err);
      this.services.logger.error(`Log viewer: reading ${LogViewerPanel.titleFor(this.uris)}`, err);
    } finally {
      this.loading = { ...this.loading, done: true };
      this.sendSummary();
      this.post({ type: 'findings', findings: [...this.model.findings] });
    }
  }

  private onFeedsChanged(what: 'records' | 'logs' | 'findings'): void {
    if (what === 'findings') this.post({ type: 'findings', findings: [...this.model.findings] });
    if (what === 'logs') {
      this.panel.title = LogViewerPanel.titleFor(this.uris);
      this.sendSummary();
    } else {
      this.scheduleSummary();
    }
  }

  /** At most one summary per SUMMARY_EVERY_MS while records stream in. */
  private scheduleSummary(): void {
    if (this.summaryTimer) return;
    const wait = Math.max(0, SUMMARY_EVERY_MS - (Date.now() - this.lastSummary));
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      this.sendSummary();
    }, wait);
  }

  private sendSummary(): void {
    if (!this.webviewReady) return;
    this.lastSummary = Date.now();
    this.post({ type: 'summary', summary: this.model.summary(this.loading) });
  }

  protected override post(event: ViewerEvent): void {
    this.events.push(event.type);
    if (this.events.length > 500) this.events.splice(0, this.events.length - 500);
    super.post(event);
  }

  // ---- requests -------------------------------------------------------------------------

  protected async onMessage(request: ViewerRequest): Promise<void> {
    this.requests.set(request.type, (this.requests.get(request.type) ?? 0) + 1);
    switch (request.type) {
      case 'ready':
        this.webviewReady = true;
        this.post({ type: 'init', title: this.panel.title, uris: this.uris.map((u) => u.toString()), state: this.restored, timeline: this.uris.some(isSmsts) });
        this.sendSummary();
        this.post({ type: 'findings', findings: [...this.model.findings] });
        if (this.revealOnReady) {
          const { log, record } = this.revealOnReady;
          this.revealOnReady = undefined;
          this.sendReveal(log, record);
        }
        return;
      case 'rows':
        this.post({ type: 'rows', requestId: request.requestId, version: this.model.version, start: request.start, rows: this.model.rows(request.start, request.count) });
        return;
      case 'filter': {
        const running = this.model.setFilter(request.filter);
        this.sendSummary(); // shows "filtering…" (or the regex error) at once
        await running;
        this.sendSummary();
        return;
      }
      case 'select':
        this.post({ type: 'detail', detail: this.model.detail(request.log, request.record) });
        return;
      case 'openLine':
        await this.openLine(request.log, request.line);
        return;
      case 'lookupCode':
        await this.lookUp(request.code);
        return;
      case 'revealFinding':
        this.revealFinding(request.id);
        return;
      case 'openTimeline': {
        const smsts = this.uris.find(isSmsts) ?? this.uris[0];
        if (smsts) await this.services.openTimeline(smsts);
        return;
      }
      case 'cspViolation':
        this.cspViolations.push(`${request.directive}: ${request.blocked}`);
        this.services.logger.warn(`Log viewer: content security policy blocked ${request.blocked} (${request.directive})`);
        return;
    }
  }

  private async openLine(log: number, line: number): Promise<void> {
    const viewerLog = this.model.logs[log];
    if (!viewerLog) return;
    // After a rollover the records live in the .lo_: open the file the log now is.
    const uri = uriOfLogPath(viewerLog.path);
    const position = new vscode.Position(Math.max(0, line - 1), 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  private async lookUp(code: string): Promise<void> {
    // The editor's lookup (registered with the log features): quick pick with message, source and signatures.
    await vscode.commands.executeCommand(LogCommands.lookUpErrorCode, code);
  }

  private revealFinding(id: number): void {
    const finding = this.model.findings[id];
    if (finding) this.sendReveal(finding.log, finding.record, finding.line);
  }

  /** Selects a record in the grid and shows its detail; says so when the filter hides it. */
  private sendReveal(log: number, record: number, line?: number): void {
    const detail = this.model.detail(log, record);
    if (!detail) return;
    if (detail.row >= 0) this.post({ type: 'reveal', row: detail.row, log, record });
    this.post({ type: 'detail', detail });
    if (detail.row < 0) {
      this.post({ type: 'notice', message: vscode.l10n.t('Line {0} is hidden by the filter. Clear the filter to see it in the list.', line ?? detail.line) });
    }
  }
}

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return vscode.l10n.t('{0} KB', Math.ceil(n / 1024));
  return vscode.l10n.t('{0} MB', (n / (1024 * 1024)).toFixed(n < 100 * 1024 * 1024 ? 1 : 0));
}
