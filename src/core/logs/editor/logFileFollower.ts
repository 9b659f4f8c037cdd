import type { CancellationTokenLike } from '../../util/cancellation';
import { FileTail, type TailCheck } from '../tail/fileTail';
import { LogAnalysis } from './logAnalysis';
import type { AnalysisStep } from './logAnalysis';

/** What a refresh found on disk. */
export type FollowResult = TailCheck;

export interface LogFileFollowerOptions {
  /** Keep the parse open for appended bytes (live tail); else each change re-reads the file. */
  keepOpen: boolean;
  /** Key of the analysis (defaults to the path). */
  analysisPath?: string;
  firstChunkBytes?: number;
  chunkBytes?: number;
  /** Called after each chunk read, with the analysis it belongs to (a restart creates a new one). */
  onStep?: (analysis: LogAnalysis, step: AnalysisStep) => void;
}

/**
 * A log file on disk and its analysis, kept current as the file changes: appended bytes are
 * pushed into the same parser; a file that was replaced (ConfigMgr renames X.log to X.lo_ and
 * starts a new X.log), shrank or was rewritten is read again from the start into a new
 * analysis. The file tail serialises the calls: a refresh asked for while one runs runs once after it.
 */
export class LogFileFollower {
  private current: LogAnalysis;
  private readonly tail: FileTail;

  constructor(
    readonly filePath: string,
    private readonly options: LogFileFollowerOptions,
  ) {
    this.current = this.newAnalysis();
    this.tail = new FileTail(
      filePath,
      {
        bytes: (chunk) => {
          const analysis = this.current;
          const step = analysis.push(chunk);
          this.options.onStep?.(analysis, step);
        },
        restarted: () => {
          this.current = this.newAnalysis();
        },
        caughtUp: () => {
          const analysis = this.current;
          const step = analysis.settle(this.options.keepOpen);
          this.options.onStep?.(analysis, step);
        },
        canAppend: () => this.options.keepOpen && this.current.canAppend(),
      },
      // The editor shows the file under its name: after a rollover the old records go, so their rest is not needed.
      { firstChunkBytes: options.firstChunkBytes, chunkBytes: options.chunkBytes, recoverRest: false },
    );
  }

  get analysis(): LogAnalysis {
    return this.current;
  }

  /** Switches live tail on or off; takes effect at the next read. */
  setKeepOpen(keepOpen: boolean): void {
    this.options.keepOpen = keepOpen;
  }

  /** Reads the whole file (chunked, first findings early). */
  load(token?: CancellationTokenLike): Promise<FollowResult> {
    return this.tail.reload(token);
  }

  /** Brings the analysis up to date with the file on disk. */
  refresh(token?: CancellationTokenLike): Promise<FollowResult> {
    return this.tail.check(token);
  }

  private newAnalysis(): LogAnalysis {
    return new LogAnalysis(this.options.analysisPath ?? this.filePath);
  }
}
