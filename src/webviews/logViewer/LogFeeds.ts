import * as path from 'node:path';
import { createDiagnoser, correlateLogs, type Diagnoser } from '../../core/logs/kb/diagnoser';
import { LogParser, type RecordRange } from '../../core/logs/logParser';
import type { RecordStore } from '../../core/logs/recordStore';
import type { Finding } from '../../core/logs/types';
import { FileTail, type TailRestart, type TailSink } from '../../core/logs/tail/fileTail';
import { watchFile, type FileWatch } from '../../core/logs/tail/watchFile';
import { CancellationError, type CancellationTokenLike } from '../../core/util/cancellation';
import type { ViewerLog, ViewerModel } from './ViewerModel';

/** The viewer's later reads: large enough to keep the parser busy, small enough to show progress. */
export const READ_CHUNK = 8 * 1024 * 1024;

export interface ReadProgress {
  bytes: number;
  totalBytes: number;
}

/** The error a viewer shows for a log that is not (any more) on disk. */
export function missingLogError(file: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
}

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
  /** The name of a log's records from before it was emptied in place (in the display language). */
  emptiedLogName?(name: string): string;
}

interface Feed {
  source: FeedSource;
  parser: LogParser;
  log: ViewerLog;
  findings: Finding[];
}

/**
 * A log file on disk and the feed its bytes go to: after a rollover the same tail goes on
 * reading the file under that name into a new feed.
 */
interface FileFeed {
  tail: FileTail;
  feed: Feed;
  /** Read to its end once (not cancelled): only then is it followed. */
  loaded: boolean;
  /** While loading, each chunk reports progress; afterwards chunks are appends. */
  onLoadChunk?: (range: RecordRange, progress: ReadProgress) => Promise<void>;
  watch?: FileWatch;
}

/**
 * Reads logs into the viewer's model: streams each file through the parser, runs the
 * knowledge base over the new records, and follows live logs (appended bytes only;
 * a rollover to `.lo_` keeps the old records as their own log and starts the new file).
 */
export class LogFeeds {
  private readonly feeds: Feed[] = [];
  private readonly files: FileFeed[] = [];
  private readonly diagnoser: Diagnoser = createDiagnoser();
  private disposed = false;

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
          await this.loadFile(feed, feed.source.file, onRecords, token);
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
    for (const file of this.files) {
      if (this.disposed || !file.loaded || file.watch || !file.feed.source.live) continue;
      // A failed check (file locked a moment) is tried again at the next change or poll.
      file.watch = watchFile(file.tail.path, () => void file.tail.check().catch(() => undefined), this.tailPollMs);
    }
  }

  /** The stores, for the timeline and tests. */
  get stores(): RecordStore[] {
    return this.feeds.map((f) => f.parser.store);
  }

  /** Runs the pending tail checks now (tests; the watcher and poll do it otherwise). */
  async checkTails(): Promise<void> {
    for (const file of [...this.files]) if (file.watch) await file.tail.check();
  }

  private createFeed(source: FeedSource): Feed {
    const parser = new LogParser({ path: source.file ?? source.displayPath });
    const log = this.model.addLog(parser.store, { path: source.displayPath, name: baseName(source.displayPath), live: source.live && !!source.file });
    return { source, parser, log, findings: [] };
  }

  /** Reads a file to its end through the tail that will follow it. */
  private async loadFile(feed: Feed, filePath: string, onLoadChunk: FileFeed['onLoadChunk'], token: CancellationTokenLike | undefined): Promise<void> {
    const file: FileFeed = { feed, loaded: false, onLoadChunk, tail: new FileTail(filePath, this.sinkFor(() => file), { chunkBytes: READ_CHUNK }) };
    this.files.push(file);
    if ((await file.tail.check(token)) === 'missing') throw missingLogError(filePath);
    file.onLoadChunk = undefined;
    file.loaded = true;
  }

  /** Routes a tail's bytes to the feed of its file now (a new one after a rollover). */
  private sinkFor(fileFeed: () => FileFeed): TailSink {
    return {
      bytes: (chunk, progress) => {
        const file = fileFeed();
        if (file.onLoadChunk) return file.onLoadChunk(file.feed.parser.push(chunk), { bytes: progress.offset, totalBytes: progress.size });
        return this.appended(file.feed, chunk);
      },
      restarted: (restart) => this.restarted(fileFeed(), restart),
    };
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
   * The followed file rolled over (its unread rest was already appended from the `.lo_`) or
   * was emptied. Its records stay, now as the `.lo_` log they live in (so "Go to line" opens
   * the right file); the file under the name becomes a new live log.
   */
  private async restarted(file: FileFeed, restart: TailRestart): Promise<void> {
    if (this.disposed || restart.reason === 'opened') return;
    const feed = file.feed;
    this.diagnose(feed, feed.parser.end());
    const findingsChanged = this.refreshAtEnd(feed);
    feed.log.live = false;
    if (restart.rolledPath) {
      feed.log.path = restart.rolledPath;
      feed.log.name = baseName(restart.rolledPath);
    } else {
      feed.log.name = this.listener.emptiedLogName?.(feed.log.name) ?? `${feed.log.name} (before it was emptied)`;
    }
    // A rollover in the middle of the first read: the rest goes to the new log as appended records.
    file.onLoadChunk = undefined;
    const next = this.createFeed({ ...feed.source, displayPath: file.tail.path });
    file.feed = next;
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

  dispose(): void {
    this.disposed = true;
    for (const file of this.files) {
      file.watch?.dispose();
      file.tail.dispose();
    }
  }
}

function baseName(p: string): string {
  // URIs and Windows paths both reach here.
  const clean = p.replace(/[?#].*$/, '');
  return decodeURIComponent(path.win32.basename(clean.replace(/\//g, '\\')));
}
