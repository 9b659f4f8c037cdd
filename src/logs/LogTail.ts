import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import type { LogDocumentTracker } from './LogDocumentTracker';
import type { LogSettings } from './LogSettings';
import { baseNameOf, folderOf, isDiskFile, uriKey } from './logUris';
import type { TrackedLog } from './TrackedLog';

/** Writes come in bursts (one record per write): wait this long after the last event. */
const TAIL_DEBOUNCE_MS = 50;
/** Edits of a document are re-analysed after typing pauses. */
const DOCUMENT_DEBOUNCE_MS = 300;

interface FolderWatch {
  count: number;
  disposables: vscode.Disposable[];
}

/**
 * Keeps tracked logs current. With `sccm.logs.tail.enabled`, a change on disk (fs.watch on
 * the log's folder, so a rollover's new file is seen, plus VS Code's file watcher) reads
 * only the appended bytes. Documents VS Code provides are re-analysed when they change.
 */
export class LogTail extends DisposableStore {
  private readonly folders = new Map<string, FolderWatch>();
  private readonly watchedLogs = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly tracker: LogDocumentTracker,
    private readonly settings: LogSettings,
    private readonly logger: Logger,
  ) {
    super();
    this.register(tracker.onDidAddLog(() => this.sync()));
    this.register(tracker.onDidRemoveLog(() => this.sync()));
    this.register(
      settings.onDidChange(() => {
        const wasWatching = this.watchedLogs.size > 0;
        this.sync();
        // Tail switched on: catch up with what was written meanwhile.
        if (!wasWatching && this.watchedLogs.size > 0) for (const log of tracker.all()) this.schedule(log, 0);
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const log = tracker.get(e.document.uri);
        // Disk files are followed on disk; without tail, VS Code reloading the file is the signal.
        if (log && (log.source.kind === 'document' || (log.source.kind === 'disk' && !settings.tailEnabled))) this.schedule(log, DOCUMENT_DEBOUNCE_MS);
      }),
    );
    this.register({ dispose: () => this.stopAll() });
    this.sync();
  }

  /** Folder watchers for the tracked logs that tail follows; none when tail is off. */
  private sync(): void {
    const wanted = new Map<string, string>();
    if (this.settings.tailEnabled) {
      for (const log of this.tracker.all()) if (log.source.kind !== 'document') wanted.set(log.key, uriKey(folderOf(log.uri)));
    }
    for (const [key, folder] of this.watchedLogs) {
      if (wanted.get(key) === folder) continue;
      this.watchedLogs.delete(key);
      this.releaseFolder(folder);
    }
    for (const [key, folder] of wanted) {
      if (this.watchedLogs.has(key)) continue;
      const log = this.tracker.all().find((l) => l.key === key);
      if (!log) continue;
      this.watchedLogs.set(key, folder);
      this.acquireFolder(folderOf(log.uri));
    }
  }

  private acquireFolder(folder: vscode.Uri): void {
    const key = uriKey(folder);
    const existing = this.folders.get(key);
    if (existing) {
      existing.count++;
      return;
    }
    const disposables: vscode.Disposable[] = [];
    const onName = (name: string): void => {
      const log = this.tracker.get(vscode.Uri.joinPath(folder, name));
      if (log) this.schedule(log, TAIL_DEBOUNCE_MS);
    };
    if (isDiskFile(folder)) {
      try {
        const watcher = fs.watch(folder.fsPath, { persistent: false }, (_event, name) => {
          if (name) onName(name.toString());
        });
        watcher.on('error', (err) => this.logger.warn(`Stopped watching ${folder.fsPath}: ${err.message}`));
        disposables.push({ dispose: () => watcher.close() });
      } catch (err) {
        // Some network shares cannot be watched: VS Code's watcher below still reports changes it sees.
        this.logger.warn(`Cannot watch ${folder.fsPath} for log changes: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const vsWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*'));
    const onUri = (uri: vscode.Uri): void => onName(baseNameOf(uri));
    disposables.push(vsWatcher, vsWatcher.onDidChange(onUri), vsWatcher.onDidCreate(onUri), vsWatcher.onDidDelete(onUri));
    this.folders.set(key, { count: 1, disposables });
  }

  private releaseFolder(key: string): void {
    const watch = this.folders.get(key);
    if (!watch || --watch.count > 0) return;
    this.folders.delete(key);
    for (const d of watch.disposables) d.dispose();
  }

  private schedule(log: TrackedLog, delay: number): void {
    const pending = this.timers.get(log.key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      log.key,
      setTimeout(() => {
        this.timers.delete(log.key);
        const current = this.tracker.get(log.uri);
        if (current) void this.tracker.refresh(current);
      }, delay),
    );
  }

  private stopAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const watch of this.folders.values()) for (const d of watch.disposables) d.dispose();
    this.folders.clear();
    this.watchedLogs.clear();
  }
}
