import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a tail stands in a file: bytes read so far and which file (inode) it was. */
export interface TailPosition {
  offset: number;
  ino: number;
  size: number;
}

export interface TailListener {
  /** Bytes appended to the followed file (in order). */
  appended(bytes: Uint8Array): Promise<void>;
  /**
   * The file rolled over: ConfigMgr renamed it to `.lo_` and started a new one. `rest` holds
   * the bytes of the old file written after the last read (from the `.lo_`), null when
   * they are gone (the file was truncated rather than renamed). Reading continues with
   * the new file from its start through `appended`.
   */
  rolledOver(rest: Uint8Array | null, rolledPath: string | null): Promise<void>;
}

const MAX_READ = 16 * 1024 * 1024;

/** `C:\...\CAS.log` → `C:\...\CAS.lo_` (the one previous copy ConfigMgr keeps). */
export function rolledOverPath(file: string): string {
  const ext = path.extname(file);
  return ext.toLowerCase() === '.log' ? file.slice(0, -ext.length) + (ext === '.LOG' ? '.LO_' : '.lo_') : `${file}.lo_`;
}

/**
 * Follows a growing log: reads only appended bytes, notices a rollover (the inode changed,
 * or the file got shorter than what was read) and reads what the old file still had.
 * Watches with fs.watch and polls as a fallback (network shares do not always notify).
 */
export class LogTail {
  private watcher: fs.FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(
    readonly file: string,
    private position: TailPosition,
    private listener: TailListener,
    private readonly pollMs = 1000,
  ) {}

  get offset(): number {
    return this.position.offset;
  }

  start(): void {
    this.watch();
    this.timer = setInterval(() => void this.check(), this.pollMs);
    this.timer.unref?.();
  }

  /**
   * Watches the file the path names now. A watch follows the file, not the name (inotify,
   * FSEvents): after a rollover it would report the .lo_, so the new file is watched again.
   */
  private watch(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.disposed) return;
    try {
      const watcher = fs.watch(this.file, { persistent: false }, () => void this.check());
      watcher.on('error', () => watcher.close());
      this.watcher = watcher;
    } catch {
      // Not watchable (removed, unsupported file system): polling still works.
    }
  }

  /** Sends what comes next to another listener (the log that replaced a rolled-over one). */
  retarget(listener: TailListener): void {
    this.listener = listener;
  }

  /** Reads what changed since the last check; concurrent calls run one after another. */
  check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.again = false;
        await this.checkOnce();
      } while (this.again && !this.disposed);
    })().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    if (this.disposed) return;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(this.file);
    } catch {
      return; // between the rename and the new file: the next check sees it
    }
    const { offset, ino } = this.position;
    const replaced = ino !== 0 && stat.ino !== 0 && stat.ino !== ino;
    if (replaced || stat.size < offset) {
      const rolled = rolledOverPath(this.file);
      const rest = replaced ? await this.readRest(rolled, ino, offset) : null;
      this.position = { offset: 0, ino: stat.ino, size: 0 };
      if (replaced) this.watch();
      await this.listener.rolledOver(rest, rest === null ? null : rolled);
    }
    await this.readNew(stat.ino);
  }

  private async readNew(ino: number): Promise<void> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.file, 'r');
    } catch {
      return;
    }
    try {
      const { size, ino: opened } = await handle.stat();
      if (ino !== 0 && opened !== 0 && opened !== ino) {
        // Rolled over between the stat and the open: this is the new file, not the one at `offset`.
        this.again = true;
        return;
      }
      while (!this.disposed && this.position.offset < size) {
        const length = Math.min(MAX_READ, size - this.position.offset);
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(buffer, 0, length, this.position.offset);
        if (bytesRead <= 0) break;
        this.position = { offset: this.position.offset + bytesRead, ino, size };
        await this.listener.appended(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  }

  /** The bytes of the old file after `offset`, if the `.lo_` is that file. */
  private async readRest(rolled: string, ino: number, offset: number): Promise<Uint8Array | null> {
    try {
      const stat = await fs.promises.stat(rolled);
      if ((stat.ino !== 0 && stat.ino !== ino) || stat.size < offset) return null;
      const handle = await fs.promises.open(rolled, 'r');
      try {
        const length = stat.size - offset;
        const buffer = Buffer.alloc(length);
        if (length > 0) await handle.read(buffer, 0, length, offset);
        return buffer;
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
  }
}
