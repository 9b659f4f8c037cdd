import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { UserCancelledError } from '../platform/runAction';
import type { LogDocumentTracker } from './LogDocumentTracker';
import { sniffUri } from './logSniffing';
import type { LogSettings } from './LogSettings';
import { uriKey } from './logUris';
import type { TrackedLog } from './TrackedLog';

const LOG_GLOB = '**/*.{log,lo_,LOG,LO_}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
/** Logs read at the same time: enough to hide I/O latency, few enough to keep the host responsive. */
const CONCURRENCY = 4;
/** A new file shorter than this may still turn out to be a log (as the recogniser does for open documents). */
const RESNIFF_BELOW_BYTES = 4096;

export interface ScanSummary {
  files: number;
  logs: number;
  findings: number;
}

/**
 * Finds every SCCM log of the workspace (`**\/*.{log,lo_}`, content decides) and publishes
 * their findings: once on command, or continuously while `sccm.logs.scanWorkspace` is on
 * (then logs keep their findings when closed, and new logs are picked up).
 */
export class WorkspaceLogScanner extends DisposableStore {
  private auto: { cancel: vscode.CancellationTokenSource; watcher: vscode.FileSystemWatcher; disposables: vscode.Disposable[] } | undefined;
  private readonly held = new Set<string>();
  /** New files too short to tell yet: looked at again when they change. */
  private readonly undecided = new Set<string>();

  constructor(
    private readonly tracker: LogDocumentTracker,
    private readonly settings: LogSettings,
    private readonly logger: Logger,
  ) {
    super();
    this.register(settings.onDidChange(() => this.sync()));
    this.register({ dispose: () => this.stopAuto(false) });
    this.sync();
  }

  /** Scans the workspace now, with cancellable progress. */
  scanWithProgress(): Thenable<ScanSummary> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning the workspace for SCCM logs'), cancellable: true },
      async (progress, token) => {
        const summary = await this.scan(token, (done, total, name) => progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', done, total, name), increment: 100 / Math.max(1, total) }));
        if (token.isCancellationRequested) throw new UserCancelledError();
        return summary;
      },
    );
  }

  /** Finds, recognises and reads the workspace's logs, a few at a time. */
  async scan(token: vscode.CancellationToken, report?: (done: number, total: number, name: string) => void): Promise<ScanSummary> {
    const uris = await vscode.workspace.findFiles(LOG_GLOB, EXCLUDE_GLOB, undefined, token);
    const queue = [...uris];
    let done = 0;
    let logs = 0;
    let findings = 0;
    const worker = async (): Promise<void> => {
      for (let uri = queue.shift(); uri && !token.isCancellationRequested; uri = queue.shift()) {
        const log = await this.scanOne(uri);
        done++;
        report?.(done, uris.length, uri.path.slice(uri.path.lastIndexOf('/') + 1));
        if (!log) continue;
        await log.loaded;
        logs++;
        findings += log.analysis?.findings.length ?? 0;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, uris.length) }, worker));
    return { files: uris.length, logs, findings };
  }

  private async scanOne(uri: vscode.Uri): Promise<TrackedLog | undefined> {
    const format = await sniffUri(uri);
    if (!format) return undefined;
    const key = uriKey(uri);
    if (this.held.has(key)) return this.tracker.get(uri);
    this.held.add(key);
    return this.tracker.acquire(uri, format, 'scan');
  }

  /**
   * A file created while the scan runs. Logs are often created empty and written a moment
   * later (ConfigMgr's new X.log after a rollover): while the file is short, its changes count too.
   */
  private async scanNew(uri: vscode.Uri): Promise<void> {
    const key = uriKey(uri);
    const log = await this.scanOne(uri);
    if (log) {
      this.undecided.delete(key);
      return;
    }
    const size = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      (s) => s.size,
      () => Number.POSITIVE_INFINITY,
    );
    if (size < RESNIFF_BELOW_BYTES) this.undecided.add(key);
    else this.undecided.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uriKey(uri);
    if (!this.held.delete(key)) return;
    this.tracker.release(uri, 'scan');
  }

  private sync(): void {
    if (this.settings.scanWorkspace && !this.auto) this.startAuto();
    else if (!this.settings.scanWorkspace && this.auto) this.stopAuto(true);
  }

  private startAuto(): void {
    const cancel = new vscode.CancellationTokenSource();
    const watcher = vscode.workspace.createFileSystemWatcher(LOG_GLOB);
    const disposables: vscode.Disposable[] = [
      watcher.onDidCreate((uri) => {
        if (!/[\\/](?:node_modules|\.git)[\\/]/.test(uri.path)) void this.scanNew(uri);
      }),
      watcher.onDidChange((uri) => {
        if (this.undecided.has(uriKey(uri))) void this.scanNew(uri);
      }),
      watcher.onDidDelete((uri) => {
        this.undecided.delete(uriKey(uri));
        this.forget(uri);
      }),
    ];
    this.auto = { cancel, watcher, disposables };
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Scanning SCCM logs') }, async () => {
      try {
        const summary = await this.scan(cancel.token);
        this.logger.info(`Workspace scan: ${summary.logs} SCCM logs in ${summary.files} files, ${summary.findings} findings`);
      } catch (err) {
        this.logger.error('Scanning the workspace for SCCM logs', err);
      }
    });
  }

  /** Stops the continuous scan; with `release`, logs that only the scan held lose their findings. */
  private stopAuto(release: boolean): void {
    const auto = this.auto;
    if (!auto) return;
    this.auto = undefined;
    auto.cancel.cancel();
    auto.cancel.dispose();
    for (const d of auto.disposables) d.dispose();
    auto.watcher.dispose();
    this.undecided.clear();
    if (release) for (const key of [...this.held]) this.forget(vscode.Uri.parse(key));
  }
}
