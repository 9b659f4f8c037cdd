import * as vscode from 'vscode';
import type { LogAnalysis } from '../core/logs/editor/logAnalysis';
import type { LogFormat } from '../core/logs/types';
import type { LogSource } from './logSources';
import { uriKey } from './logUris';

/** Why a log is tracked and published: open in the editor, or found by the workspace scan. */
export type LogHolder = 'open' | 'scan';

/**
 * One SCCM log the editor knows about: where its bytes come from, its current analysis,
 * and who keeps it (open editors, the workspace scan, or other logs of its folder that read
 * it as a correlation partner without publishing it).
 */
export class TrackedLog implements vscode.Disposable {
  readonly key: string;
  readonly holders = new Set<LogHolder>();
  /** Keys of published logs that read this one to correlate with it. */
  readonly partnerOf = new Set<string>();
  /** Keys of the partner logs this one pulled in. */
  readonly partners = new Set<string>();
  /** A first step with findings was published (later steps are throttled). */
  publishedFirstFindings = false;
  /** Settles when the first read is over (whatever its outcome). */
  loaded: Promise<void> = Promise.resolve();
  private work = 0;
  private cancellation = new vscode.CancellationTokenSource();
  private disposed = false;

  constructor(
    readonly uri: vscode.Uri,
    /** Format recognised from the first bytes (the parser decides again on the whole text). */
    readonly sniffedFormat: LogFormat,
    readonly source: LogSource,
  ) {
    this.key = uriKey(uri);
  }

  get analysis(): LogAnalysis | undefined {
    return this.source.analysis;
  }

  /** Its findings go to the Problems panel and the editor. */
  get published(): boolean {
    return this.holders.size > 0;
  }

  get retained(): boolean {
    return this.holders.size > 0 || this.partnerOf.size > 0;
  }

  /** A load or refresh is running. */
  get busy(): boolean {
    return this.work > 0;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get token(): vscode.CancellationToken {
    return this.cancellation.token;
  }

  /** Runs a load/refresh, counted so tests and the status bar can tell when the log is settled. */
  async run<T>(work: (token: vscode.CancellationToken) => Promise<T>): Promise<T> {
    this.work++;
    try {
      return await work(this.cancellation.token);
    } finally {
      this.work--;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancellation.cancel();
    this.cancellation.dispose();
  }
}
