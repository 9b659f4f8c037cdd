import * as fs from 'node:fs';
import type { CancellationTokenLike } from '../../util/cancellation';
import { readInChunks, type ByteReader, type ChunkedReadOptions } from './chunkedRead';
import { LogAnalysis } from './logAnalysis';
import type { AnalysisStep } from './logAnalysis';

/** Which file a path names right now: a rolled-over log is a different file under the same name. */
interface FileIdentity {
  dev: bigint;
  ino: bigint;
  birthtimeNs: bigint;
}

/** What a refresh found on disk. */
export type FollowResult = 'unchanged' | 'appended' | 'restarted' | 'missing';

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

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.birthtimeNs === b.birthtimeNs;
}

async function statIdentity(filePath: string): Promise<{ identity: FileIdentity; size: number; mtimeNs: bigint } | undefined> {
  try {
    const s = await fs.promises.stat(filePath, { bigint: true });
    if (!s.isFile()) return undefined;
    return { identity: { dev: s.dev, ino: s.ino, birthtimeNs: s.birthtimeNs }, size: Number(s.size), mtimeNs: s.mtimeNs };
  } catch {
    return undefined;
  }
}

/**
 * A log file on disk and its analysis, kept current as the file changes: appended bytes are
 * read from the last offset and pushed into the same parser; a file that shrank or was
 * replaced (ConfigMgr renames X.log to X.lo_ and starts a new X.log) is read again from the
 * start. Calls are serialised: a refresh asked for while one runs runs once after it.
 */
export class LogFileFollower {
  private current: LogAnalysis;
  private identity: FileIdentity | undefined;
  private mtimeNs = 0n;
  private running: Promise<FollowResult> | undefined;
  private rerun = false;

  constructor(
    readonly filePath: string,
    private readonly options: LogFileFollowerOptions,
  ) {
    this.current = this.newAnalysis();
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
    return this.serialise(() => this.restart(token));
  }

  /** Brings the analysis up to date with the file on disk. */
  refresh(token?: CancellationTokenLike): Promise<FollowResult> {
    return this.serialise(() => this.update(token));
  }

  private async serialise(work: () => Promise<FollowResult>): Promise<FollowResult> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    const run = async (): Promise<FollowResult> => {
      let result = await work();
      while (this.rerun) {
        this.rerun = false;
        const again = await this.update();
        if (again !== 'unchanged') result = again;
      }
      return result;
    };
    this.running = run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async update(token?: CancellationTokenLike): Promise<FollowResult> {
    const now = await statIdentity(this.filePath);
    if (!now) return 'missing';
    const analysis = this.current;
    if (!this.identity || !sameIdentity(now.identity, this.identity) || now.size < analysis.bytesRead) return this.restart(token);
    if (now.size === analysis.bytesRead) {
      // Same size but rewritten (an editor saved it): only a re-read tells what it says now.
      if (now.mtimeNs !== this.mtimeNs && !this.options.keepOpen) return this.restart(token);
      return 'unchanged';
    }
    if (!this.options.keepOpen || !analysis.canAppend()) return this.restart(token);
    await this.readFrom(analysis, now.size, token);
    this.mtimeNs = now.mtimeNs;
    return 'appended';
  }

  private async restart(token?: CancellationTokenLike): Promise<FollowResult> {
    const now = await statIdentity(this.filePath);
    if (!now) return 'missing';
    this.current = this.newAnalysis();
    this.identity = now.identity;
    this.mtimeNs = now.mtimeNs;
    // Read to the end as it is now; bytes written meanwhile are picked up by the next refresh.
    await this.readFrom(this.current, Number.POSITIVE_INFINITY, token);
    return 'restarted';
  }

  private async readFrom(analysis: LogAnalysis, until: number, token: CancellationTokenLike | undefined): Promise<void> {
    const handle = await fs.promises.open(this.filePath, 'r');
    try {
      const read: ByteReader = async (offset, length) => {
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      };
      const options: ChunkedReadOptions = {
        until,
        token,
        firstChunkBytes: this.options.firstChunkBytes,
        chunkBytes: this.options.chunkBytes,
        onStep: (step) => this.options.onStep?.(analysis, step),
      };
      await readInChunks(analysis, read, options);
    } finally {
      await handle.close();
    }
    const step = analysis.settle(this.options.keepOpen);
    this.options.onStep?.(analysis, step);
  }

  private newAnalysis(): LogAnalysis {
    return new LogAnalysis(this.options.analysisPath ?? this.filePath);
  }
}
