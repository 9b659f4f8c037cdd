import * as path from 'node:path';
import { createDiagnoser, correlateLogs, type Diagnoser } from '../../core/logs/kb/diagnoser';
import { LogParser, type RecordRange } from '../../core/logs/logParser';
import type { RecordStore } from '../../core/logs/recordStore';
import type { Finding } from '../../core/logs/types';
import { CancellationError, type CancellationTokenLike } from '../../core/util/cancellation';
import { readLogFile, type ReadProgress } from './logFileReader';
import { LogTail, type TailPosition } from './logTail';
import type { ViewerLog, ViewerModel } from './ViewerModel';

/** One log to show: a file on disk (read in chunks, followed when live) or bytes read elsewhere. */
export interface FeedSource {
  /** Display path (a file path, or a URI for other file systems). */
  displayPath: string;
  /** File-system path when the log is on a local or UNC disk. */
  file?: string;
  /** Reads the whole log when it is not on disk (virtual file systems). */
  readAll?: () => Promise<Uint8Array>;
  /** Follow it as it grows (only for files on disk). */
  live: boolean;
}

export interface FeedListener {
  /** Records, logs or findings changed; `loading` while the first read is going on. */
  changed(what: 'records' | 'logs' | 'findings'): void;
}

interface Feed {
  source: FeedSource;
  parser: LogParser;
  log: ViewerLog;
  findings: Finding[];
  tail?: LogTail;
  position?: TailPosition;
}

/**
 * Reads logs into the viewer's model: streams each file through the parser, runs the
 * knowledge base over the new records, and follows live logs (appended bytes only;
 * a rollover to `.lo_` keeps the old records as their own log and starts the new file).
 */
export class LogFeeds {
  private readonly feeds: Feed[] = [];
  private readonly diagnoser: Diagnoser = createDiagnoser();
  private disposed = false;
  /** Tail events are handled one after another, in file order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly model: ViewerModel,
    private readonly listener: FeedListener,
    private readonly tailPollMs = 1000,
  ) {}

  /**
   * Loads the sources. A single log shows while it loads; merged logs are placed once all
   * are read (merging a half-read log would move rows about). Cancelling keeps what was read.
   */
  async load(sources: readonly FeedSource[], onProgress: (progress: ReadProgress & { file: string }) => void, token?: CancellationTokenLike): Promise<void> {
    for (const source of sources) this.feeds.push(this.createFeed(source));
    const incremental = this.feeds.length === 1;
    await this.model.rebuild();
    const totals = { done: 0 };
    try {
      for (const feed of this.feeds) {
        const onRecords = async (range: RecordRange, progress: ReadProgress): Promise<void> => {
          this.diagnose(feed, range);
          if (incremental) await this.model.recordsAppended();
          onProgress({ ...progress, file: feed.log.name });
          if (incremental) this.listener.changed('records');
        };
        if (feed.source.file) {
          feed.position = await readLogFile(feed.source.file, feed.parser, onRecords, token);
        } else if (feed.source.readAll) {
          const bytes = await feed.source.readAll();
          await onRecords(feed.parser.push(bytes), { bytes: bytes.length, totalBytes: bytes.length });
        }
        if (!feed.source.live || !feed.source.file) {
          // Nothing more will come: a last line without a line break is complete.
          this.diagnose(feed, feed.parser.end());
        }
        totals.done++;
      }
    } catch (err) {
      if (!(err instanceof CancellationError)) throw err;
    } finally {
      await this.model.recordsAppended();
      this.finishFindings();
      this.listener.changed('records');
      this.listener.changed('findings');
    }
  }

  /** Starts following the live logs that were read from disk. */
  follow(): void {
    for (const feed of this.feeds) this.followFeed(feed);
  }

  /** The stores, for the timeline and tests. */
  get stores(): RecordStore[] {
    return this.feeds.map((f) => f.parser.store);
  }

  /** Runs the pending tail checks now (tests; the watcher and poll do it otherwise). */
  async checkTails(): Promise<void> {
    for (const feed of [...this.feeds]) await feed.tail?.check();
    await this.chain;
  }

  private createFeed(source: FeedSource): Feed {
    const parser = new LogParser({ path: source.file ?? source.displayPath });
    const log = this.model.addLog(parser.store, { path: source.displayPath, name: baseName(source.displayPath), live: source.live && !!source.file });
    return { source, parser, log, findings: [] };
  }

  private followFeed(feed: Feed): void {
    if (this.disposed || !feed.source.live || !feed.source.file || !feed.position || feed.tail) return;
    const tail = new LogTail(
      feed.source.file,
      feed.position,
      {
        appended: (bytes) => this.serial(() => this.appended(feed, bytes)),
        rolledOver: (rest, rolledPath) => this.serial(() => this.rolledOver(feed, rest, rolledPath)),
      },
      this.tailPollMs,
    );
    feed.tail = tail;
    tail.start();
  }

  private async appended(feed: Feed, bytes: Uint8Array): Promise<void> {
    if (this.disposed || feed.parser.ended) return;
    const range = feed.parser.push(bytes);
    if (range.to <= range.from) return;
    this.diagnose(feed, range);
    const findingsChanged = this.refreshAtEnd(feed);
    await this.model.recordsAppended();
    this.listener.changed('records');
    if (findingsChanged) this.listener.changed('findings');
  }

  /**
   * The followed file rolled over. Its records stay, now as the `.lo_` log they live in
   * (so "Go to line" opens the right file); the new file becomes a new live log.
   */
  private async rolledOver(feed: Feed, rest: Uint8Array | null, rolledPath: string | null): Promise<void> {
    if (this.disposed) return;
    const file = feed.source.file as string;
    if (rest && rest.length) this.diagnose(feed, feed.parser.push(rest));
    this.diagnose(feed, feed.parser.end());
    const findingsChanged = this.refreshAtEnd(feed);
    const tail = feed.tail;
    feed.tail = undefined;
    feed.log.live = false;
    if (rolledPath) {
      feed.log.path = rolledPath;
      feed.log.name = baseName(rolledPath);
    } else {
      feed.log.name = `${feed.log.name} (before it was emptied)`;
    }
    const next = this.createFeed({ ...feed.source, displayPath: file });
    next.position = { offset: 0, ino: 0, size: 0 };
    // The running tail keeps reading the file, now on behalf of the new feed.
    if (tail) {
      next.tail = tail;
      tail.retarget({
        appended: (bytes) => this.serial(() => this.appended(next, bytes)),
        rolledOver: (r, p) => this.serial(() => this.rolledOver(next, r, p)),
      });
    }
    this.feeds.push(next);
    await this.model.rebuild();
    this.listener.changed('logs');
    if (findingsChanged) this.listener.changed('findings');
  }

  private diagnose(feed: Feed, range: RecordRange): void {
    if (range.to <= range.from) return;
    feed.findings.push(...this.diagnoser.update(feed.parser.store, range.from, range.to));
  }

  /** Returns whether the log's findings changed. */
  private refreshAtEnd(feed: Feed): boolean {
    return this.model.setFindings(feed.log.id, [...feed.findings, ...this.diagnoser.atEnd(feed.parser.store)]);
  }

  private finishFindings(): void {
    const logs = this.feeds.map((f) => ({ source: f.parser.store, findings: [...f.findings, ...this.diagnoser.atEnd(f.parser.store)] }));
    if (logs.length > 1) correlateLogs(logs);
    logs.forEach((l, i) => this.model.setFindings(this.feeds[i].log.id, l.findings));
  }

  private serial(op: () => Promise<void>): Promise<void> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.disposed = true;
    for (const feed of this.feeds) feed.tail?.dispose();
  }
}

function baseName(p: string): string {
  // URIs and Windows paths both reach here.
  const clean = p.replace(/[?#].*$/, '');
  return decodeURIComponent(path.win32.basename(clean.replace(/\//g, '\\')));
}
