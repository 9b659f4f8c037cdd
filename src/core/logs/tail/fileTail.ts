import * as fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { throwIfCancelled, type CancellationTokenLike } from '../../util/cancellation';
import { ByteFingerprint } from './byteFingerprint';
import { fileIdentity, sameFile, type FileIdentity } from './fileIdentity';
import { rolledOverPath } from './rolledOver';

/**
 * The first read is small so the first findings of a big log are published within a few
 * milliseconds; later reads are bigger (fewer calls) but still short enough that the
 * extension host stays responsive between them.
 */
export const FIRST_CHUNK_BYTES = 256 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** What a check found: nothing new, bytes appended, the file read again from its start, or no file. */
export type TailCheck = 'unchanged' | 'appended' | 'restarted' | 'missing';

/**
 * Why reading starts over at byte 0:
 * - `opened`: the first read of the file; `reloaded`: the owner asked for a fresh read;
 * - `rolledOver`: the path names a new file and the old one is the `.lo_` (its unread rest was delivered first);
 * - `replaced`: the path names another file and the old one is gone (or the `.lo_` is not it);
 * - `shrunk`: the file got shorter than what was read (truncated in place);
 * - `rewritten`: the bytes before the read offset changed (copy-and-truncate, possibly grown past the offset);
 * - `changed`: the file changed and the sink cannot take appended bytes (`canAppend()` said no).
 */
export type RestartReason = 'opened' | 'reloaded' | 'rolledOver' | 'replaced' | 'shrunk' | 'rewritten' | 'changed';

export interface TailRestart {
  reason: RestartReason;
  /** Where the old file's content is now (`rolledOver` only), else null. */
  rolledPath: string | null;
}

export interface TailProgress {
  /** Offset just after the chunk, in the file the chunk came from. */
  offset: number;
  /** That file's size when this read began. */
  size: number;
}

/** Where a tail's bytes go. Calls are awaited: the next read waits for them. */
export interface TailSink {
  /**
   * The next bytes, in order. The chunk is only valid during the call (its buffer is
   * reused for the next read): copy what must outlive it.
   */
  bytes(chunk: Uint8Array, progress: TailProgress): void | Promise<void>;
  /** From now on the bytes are read from the start of the file (see `RestartReason`). */
  restarted(restart: TailRestart): void | Promise<void>;
  /** After a check that appended or restarted: the file was delivered up to the size it had then. */
  caughtUp?(): void | Promise<void>;
  /** Whether appended bytes can continue what was delivered; false makes any change a restart. Default true. */
  canAppend?(): boolean;
}

export interface FileTailOptions {
  firstChunkBytes?: number;
  chunkBytes?: number;
  /** Read the old file's unread rest from its `.lo_` after a rollover (default true). */
  recoverRest?: boolean;
  /**
   * Tell files apart by device, inode and birth time (default true). Off, or on file systems
   * reporting inode 0, only a shrink or changed bytes before the offset reveal a new file.
   */
  trustFileIds?: boolean;
}

/** What the tail knows of the file it reads. */
interface ReadState {
  identity: FileIdentity | undefined;
  offset: number;
  mtimeNs: bigint;
}

/** The file the path names now, as its handle's stat says. */
interface FileNow {
  identity: FileIdentity | undefined;
  size: number;
  mtimeNs: bigint;
}

interface CheckRequest {
  reload: boolean;
  token: CancellationTokenLike | undefined;
}

const RANK: Record<TailCheck, number> = { unchanged: 0, missing: 1, appended: 2, restarted: 3 };

/**
 * Follows a file on disk by byte offset: each check reads what was appended since the last
 * one, in bounded chunks, or starts over when the path names another file (ConfigMgr renames
 * X.log to X.lo_ and starts a new X.log; the old file's unread rest is recovered from the
 * `.lo_`), when the file shrank, or when the bytes just before the offset are no longer the
 * ones read (copy-and-truncate). Checks are serialised: one asked for while another runs
 * runs once after it. Watching is the caller's business: it calls `check()` on changes.
 */
export class FileTail {
  private state: ReadState | undefined;
  private readonly fingerprint = new ByteFingerprint();
  private readonly firstChunkBytes: number;
  private readonly chunkBytes: number;
  private running: Promise<TailCheck> | undefined;
  private pending: CheckRequest | undefined;
  private disposed = false;

  constructor(
    readonly path: string,
    private readonly sink: TailSink,
    private readonly options: FileTailOptions = {},
  ) {
    this.firstChunkBytes = Math.max(1, options.firstChunkBytes ?? FIRST_CHUNK_BYTES);
    this.chunkBytes = Math.max(this.firstChunkBytes, options.chunkBytes ?? CHUNK_BYTES);
  }

  /** Bytes of the current file delivered so far. */
  get offset(): number {
    return this.state?.offset ?? 0;
  }

  /** Reads what changed since the last check (the first check reads the whole file). */
  check(token?: CancellationTokenLike): Promise<TailCheck> {
    return this.request({ reload: false, token });
  }

  /** Reads the file again from its start, whatever changed. */
  reload(token?: CancellationTokenLike): Promise<TailCheck> {
    return this.request({ reload: true, token });
  }

  /** Stops reading (a running check ends after its current chunk). */
  dispose(): void {
    this.disposed = true;
  }

  private request(request: CheckRequest): Promise<TailCheck> {
    if (this.running) {
      this.pending = { reload: request.reload || (this.pending?.reload ?? false), token: request.token };
      return this.running;
    }
    this.running = this.runRequests(request).finally(() => {
      this.running = undefined;
      this.pending = undefined;
    });
    return this.running;
  }

  private async runRequests(first: CheckRequest): Promise<TailCheck> {
    let result: TailCheck = 'unchanged';
    let next: CheckRequest | undefined = first;
    while (next && !this.disposed) {
      this.pending = undefined;
      const found = await this.checkOnce(next);
      if (RANK[found] > RANK[result]) result = found;
      next = this.pending;
    }
    return result;
  }

  private async checkOnce(request: CheckRequest): Promise<TailCheck> {
    // Open first, then stat the handle: what is read is the file whose identity was taken,
    // even if the path is renamed in between (rollover between the stat and the reads).
    const file = await openIfExists(this.path);
    if (!file) return 'missing';
    try {
      const stats = await file.stat({ bigint: true });
      if (!stats.isFile()) return 'missing';
      const now: FileNow = { identity: fileIdentity(stats, this.options.trustFileIds ?? true), size: Number(stats.size), mtimeNs: stats.mtimeNs };
      const change = request.reload ? 'reloaded' : this.state ? await this.changeTo(file, this.state, now) : 'opened';
      if (change === 'unchanged') return 'unchanged';
      if (change === 'appended') await this.readTo(file, now.size, request.token);
      else await this.restart(file, now, change, request.token);
      if (this.state) this.state.mtimeNs = now.mtimeNs;
      await this.sink.caughtUp?.();
      return change === 'appended' ? 'appended' : 'restarted';
    } finally {
      await file.close();
    }
  }

  /** How the file as it is now follows from what was read. */
  private async changeTo(file: FileHandle, read: ReadState, now: FileNow): Promise<RestartReason | 'appended' | 'unchanged'> {
    if (sameFile(read.identity, now.identity) === false) return 'replaced';
    if (now.size < read.offset) return 'shrunk';
    if (now.size === read.offset && now.mtimeNs === read.mtimeNs) return 'unchanged';
    if (!(await this.fingerprint.matches(file, read.offset))) return 'rewritten';
    if (this.sink.canAppend?.() === false) return 'changed';
    if (now.size === read.offset) {
      read.mtimeNs = now.mtimeNs;
      return 'unchanged';
    }
    return 'appended';
  }

  private async restart(file: FileHandle, now: FileNow, reason: RestartReason, token: CancellationTokenLike | undefined): Promise<void> {
    const old = this.state;
    // A file that is still the one read (truncated or rewritten in place) has no rest elsewhere.
    const mayHaveRolled = old && (reason === 'replaced' || reason === 'shrunk' || reason === 'rewritten') && sameFile(old.identity, now.identity) !== true;
    const rolledPath = mayHaveRolled && (this.options.recoverRest ?? true) ? await this.readRest(old, token) : null;
    this.state = { identity: now.identity, offset: 0, mtimeNs: now.mtimeNs };
    this.fingerprint.clear();
    await this.sink.restarted({ reason: rolledPath ? 'rolledOver' : reason, rolledPath });
    await this.readTo(file, now.size, token);
  }

  /**
   * Delivers the old file's bytes after the offset from its `.lo_`, if the `.lo_` is that
   * file: same identity when known, and in any case the same bytes just before the offset.
   * Returns the `.lo_` path, or null when it is not the old file.
   */
  private async readRest(old: ReadState, token: CancellationTokenLike | undefined): Promise<string | null> {
    const rolled = rolledOverPath(this.path);
    const file = await openIfExists(rolled);
    if (!file) return null;
    try {
      const stats = await file.stat({ bigint: true });
      const same = sameFile(old.identity, fileIdentity(stats, this.options.trustFileIds ?? true));
      // Without file ids an empty read leaves nothing to recognise the old file by.
      if (same === false || (same === undefined && old.offset === 0)) return null;
      const size = Number(stats.size);
      if (size < old.offset || !(await this.fingerprint.matches(file, old.offset))) return null;
      await this.readTo(file, size, token);
      return rolled;
    } finally {
      await file.close();
    }
  }

  /** Delivers `file`'s bytes from the current offset up to `end`, in chunks through one bounded buffer. */
  private async readTo(file: FileHandle, end: number, token: CancellationTokenLike | undefined): Promise<void> {
    const state = this.state;
    if (!state) return;
    let chunk = this.firstChunkBytes;
    let buffer: Buffer | undefined;
    while (state.offset < end && !this.disposed) {
      throwIfCancelled(token);
      const length = Math.min(chunk, end - state.offset);
      buffer ??= Buffer.allocUnsafe(Math.min(this.chunkBytes, end - state.offset));
      const { bytesRead } = await file.read(buffer, 0, length, state.offset);
      // Shorter than its stat said: truncated meanwhile; the next check sees it.
      if (bytesRead <= 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      state.offset += bytesRead;
      this.fingerprint.update(bytes);
      await this.sink.bytes(bytes, { offset: state.offset, size: end });
      chunk = this.chunkBytes;
    }
  }
}

/** The opened file, or undefined when there is none at `path` (between a rename and the new file). */
async function openIfExists(path: string): Promise<FileHandle | undefined> {
  try {
    return await fs.promises.open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}
