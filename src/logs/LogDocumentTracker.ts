import * as vscode from 'vscode';
import { isCorrelationPartner } from '../core/logs/editor/knowledgeIndex';
import type { AnalysisStep, LogAnalysis } from '../core/logs/editor/logAnalysis';
import { correlateLogs, type DiagnosedLog } from '../core/logs/kb/diagnoser';
import type { LogFormat } from '../core/logs/types';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { BytesLogSource, DiskLogSource, documentBytes, workspaceFsBytes, type LogSource } from './logSources';
import { filesInFolder, sniffUri } from './logSniffing';
import type { LogSettings } from './LogSettings';
import { baseNameOf, folderOf, isDiskFile, logPathOf, uriKey } from './logUris';
import { TrackedLog, type LogHolder } from './TrackedLog';

/** Findings of a log still being read are republished at most this often. */
const PUBLISH_INTERVAL_MS = 200;

interface Throttle {
  timer: NodeJS.Timeout | undefined;
  last: number;
}

/**
 * Which logs are SCCM logs the editor shows findings for, and their parsed state. Logs are
 * acquired by holders (open editors, the workspace scan) and dropped when the last one
 * lets go. Reading, tail refreshes and cross-log correlation happen here; presentation
 * (Problems, decorations, status bar) listens to `onDidChangeFindings`.
 */
export class LogDocumentTracker extends DisposableStore {
  private readonly logs = new Map<string, TrackedLog>();
  private readonly throttles = new Map<string, Throttle>();
  private readonly changed = this.register(new vscode.EventEmitter<TrackedLog>());
  private readonly added = this.register(new vscode.EventEmitter<TrackedLog>());
  private readonly removed = this.register(new vscode.EventEmitter<TrackedLog>());
  private readonly pending = new Set<Promise<void>>();
  /** New findings, counts or publication state of a log (also fired for correlated logs of its folder). */
  readonly onDidChangeFindings = this.changed.event;
  readonly onDidAddLog = this.added.event;
  /** The log is no longer tracked at all. */
  readonly onDidRemoveLog = this.removed.event;

  constructor(
    private readonly settings: LogSettings,
    private readonly logger: Logger,
  ) {
    super();
    this.register(
      settings.onDidChange(() => {
        for (const log of this.logs.values()) log.source.setKeepOpen(settings.tailEnabled);
      }),
    );
    this.register({ dispose: () => this.disposeAll() });
  }

  get(uri: vscode.Uri): TrackedLog | undefined {
    return this.logs.get(uriKey(uri));
  }

  all(): TrackedLog[] {
    return [...this.logs.values()];
  }

  /** Tracks a log recognised as SCCM log for `holder`; reads it the first time. */
  acquire(uri: vscode.Uri, format: LogFormat, holder: LogHolder): TrackedLog {
    const existing = this.logs.get(uriKey(uri));
    if (existing) {
      const wasPublished = existing.published;
      existing.holders.add(holder);
      if (!wasPublished) {
        void this.track(this.attachPartners(existing));
        this.changed.fire(existing);
      }
      return existing;
    }
    const log = this.create(uri, format);
    log.holders.add(holder);
    void this.track(this.attachPartners(log));
    return log;
  }

  /** Lets go of a log for `holder`; drops it when nothing holds it any more. */
  release(uri: vscode.Uri, holder: LogHolder): void {
    const log = this.logs.get(uriKey(uri));
    if (!log || !log.holders.delete(holder) || log.published) return;
    for (const key of log.partners) {
      const partner = this.logs.get(key);
      partner?.partnerOf.delete(log.key);
      if (partner) this.dropIfUnused(partner);
    }
    log.partners.clear();
    if (!this.dropIfUnused(log)) this.changed.fire(log);
  }

  /** Brings a log up to date with its source (tail, document change). */
  refresh(log: TrackedLog): Promise<void> {
    if (log.isDisposed) return Promise.resolve();
    return this.track(
      log
        .run((token) => log.source.refresh(token))
        .then(() => this.publish(log, true))
        .catch((err: unknown) => this.reportFailure(log, err)),
    );
  }

  /** Resolves when no read, refresh or partner lookup is running (for tests). */
  async whenIdle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private create(uri: vscode.Uri, format: LogFormat): TrackedLog {
    const ref: { log?: TrackedLog } = {};
    const source = this.createSource(uri, (analysis, step) => {
      if (ref.log) this.onStep(ref.log, analysis, step);
    });
    const log = (ref.log = new TrackedLog(uri, format, source));
    this.logs.set(log.key, log);
    this.added.fire(log);
    log.loaded = this.track(
      log
        .run((token) => log.source.load(token))
        .then(() => this.publish(log, true))
        .catch((err: unknown) => this.reportFailure(log, err)),
    );
    return log;
  }

  private createSource(uri: vscode.Uri, onStep: (analysis: LogAnalysis, step: AnalysisStep) => void): LogSource {
    const path = logPathOf(uri);
    if (isDiskFile(uri)) return new DiskLogSource(path, this.settings.tailEnabled, onStep);
    const open = vscode.workspace.textDocuments.some((d) => uriKey(d.uri) === uriKey(uri));
    return open ? new BytesLogSource('document', path, documentBytes(uri), onStep) : new BytesLogSource('workspaceFs', path, workspaceFsBytes(uri), onStep);
  }

  private onStep(log: TrackedLog, analysis: LogAnalysis, step: AnalysisStep): void {
    if (log.isDisposed || analysis !== log.analysis) return;
    // The first findings of a big log go out at once; later chunks are batched.
    const first = !log.publishedFirstFindings && step.added.length > 0;
    if (first) log.publishedFirstFindings = true;
    this.publish(log, first);
  }

  /** Correlates the log's folder and tells the presentation, at once or throttled. */
  private publish(log: TrackedLog, now: boolean): void {
    if (log.isDisposed) return;
    let throttle = this.throttles.get(log.key);
    if (!throttle) {
      throttle = { timer: undefined, last: 0 };
      this.throttles.set(log.key, throttle);
    }
    const fire = (): void => {
      throttle.timer = undefined;
      throttle.last = Date.now();
      if (!log.isDisposed) this.fireWithCorrelation(log);
    };
    if (now) {
      if (throttle.timer) clearTimeout(throttle.timer);
      fire();
    } else if (!throttle.timer) {
      throttle.timer = setTimeout(fire, Math.max(0, throttle.last + PUBLISH_INTERVAL_MS - Date.now()));
    }
  }

  /**
   * Publishes a log, correlated with the logs of its folder that can relate to it (smsts.log with
   * setuperr.log): only those, so one write to a busy CCM\Logs folder does not re-publish all of it.
   */
  private fireWithCorrelation(log: TrackedLog): void {
    const folder = uriKey(folderOf(log.uri));
    const name = baseNameOf(log.uri);
    const group: Array<{ log: TrackedLog; diagnosed: DiagnosedLog }> = [];
    for (const l of this.logs.values()) {
      const analysis = l.analysis;
      if (!analysis || uriKey(folderOf(l.uri)) !== folder) continue;
      if (l !== log && !this.partnersByName(name, baseNameOf(l.uri))) continue;
      group.push({ log: l, diagnosed: { source: analysis.store, findings: [...analysis.findings] } });
    }
    if (group.length > 1) {
      const diagnosed = group.map((g) => g.diagnosed);
      try {
        correlateLogs(diagnosed);
      } catch (err) {
        this.logger.error(`Correlating the logs of ${folder}`, err);
      }
      for (const other of group) if (other.log !== log) this.changed.fire(other.log);
    }
    this.changed.fire(log);
  }

  private readonly partnerNames = new Map<string, boolean>();

  /** Whether two log names can be related by a signature (memoised: the rule scan is per pair). */
  private partnersByName(name: string, other: string): boolean {
    const key = `${name.toLowerCase()}\u0000${other.toLowerCase()}`;
    let known = this.partnerNames.get(key);
    if (known === undefined) {
      known = isCorrelationPartner(name, other);
      this.partnerNames.set(key, known);
    }
    return known;
  }

  /**
   * Reads the logs of the same folder that can confirm or explain this one's findings
   * (smsts.log with setuperr.log), without publishing them, so findings link across logs.
   */
  private async attachPartners(log: TrackedLog): Promise<void> {
    const name = baseNameOf(log.uri);
    const folder = folderOf(log.uri);
    const names = (await filesInFolder(folder)).filter((other) => other !== name && isCorrelationPartner(name, other));
    for (const other of names) {
      if (log.isDisposed || !log.published) return;
      const uri = vscode.Uri.joinPath(folder, other);
      let partner = this.logs.get(uriKey(uri));
      if (!partner) {
        const format = await sniffUri(uri);
        if (!format || log.isDisposed || !log.published) continue;
        partner = this.logs.get(uriKey(uri)) ?? this.create(uri, format);
      }
      partner.partnerOf.add(log.key);
      log.partners.add(partner.key);
    }
  }

  private dropIfUnused(log: TrackedLog): boolean {
    if (log.retained) return false;
    this.logs.delete(log.key);
    const throttle = this.throttles.get(log.key);
    if (throttle?.timer) clearTimeout(throttle.timer);
    this.throttles.delete(log.key);
    log.dispose();
    this.removed.fire(log);
    return true;
  }

  private reportFailure(log: TrackedLog, err: unknown): void {
    if (log.isDisposed || (err instanceof Error && err.name === 'CancellationError')) return;
    // Background work: the output channel, not a toast per log.
    this.logger.warn(`Could not read ${log.uri.toString(true)}: ${err instanceof Error ? err.message : String(err)}`);
  }

  /** Counts background work for `whenIdle`; a failure is logged, never thrown at the caller. */
  private track(promise: Promise<unknown>): Promise<void> {
    const guarded = promise.then(
      () => undefined,
      (err: unknown) => this.logger.error('SCCM log tracking', err),
    );
    this.pending.add(guarded);
    void guarded.finally(() => this.pending.delete(guarded));
    return guarded;
  }

  private disposeAll(): void {
    for (const t of this.throttles.values()) if (t.timer) clearTimeout(t.timer);
    for (const log of this.logs.values()) log.dispose();
    this.logs.clear();
  }
}
