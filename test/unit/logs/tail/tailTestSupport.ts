import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RestartReason, TailProgress, TailSink } from '../../../../src/core/logs/tail/fileTail';

/** What a sink was told, in order: text of byte chunks, and restarts. */
export type TailEvent = { bytes: string } | { restart: RestartReason; rolledPath: string | null };

export interface RecordingSink extends TailSink {
  readonly events: TailEvent[];
  readonly chunkSizes: number[];
  readonly progress: TailProgress[];
  /** Everything delivered since the last restart (or since the start). */
  text(): string;
  /** The events, with consecutive byte chunks joined: what a reader of the stream sees. */
  stream(): TailEvent[];
  /** Runs after each chunk is recorded (to change the file in the middle of a read). */
  afterChunk?: (count: number) => void | Promise<void>;
  canAppend?: () => boolean;
}

export function recordingSink(): RecordingSink {
  const events: TailEvent[] = [];
  const chunkSizes: number[] = [];
  const progress: TailProgress[] = [];
  const sink: RecordingSink = {
    events,
    chunkSizes,
    progress,
    async bytes(chunk, p) {
      // Copy: the tail reuses its buffer for the next read.
      events.push({ bytes: Buffer.from(chunk).toString('latin1') });
      chunkSizes.push(chunk.length);
      progress.push(p);
      await sink.afterChunk?.(chunkSizes.length);
    },
    restarted(restart) {
      events.push({ restart: restart.reason, rolledPath: restart.rolledPath });
    },
    text() {
      let text = '';
      for (const e of events) text = 'bytes' in e ? text + e.bytes : '';
      return text;
    },
    stream() {
      const joined: TailEvent[] = [];
      for (const e of events) {
        const last = joined[joined.length - 1];
        if ('bytes' in e && last && 'bytes' in last) joined[joined.length - 1] = { bytes: last.bytes + e.bytes };
        else joined.push(e);
      }
      return joined;
    },
  };
  return sink;
}

/** A fresh temporary folder, removed by `remove()`. */
export function tempFolder(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-tail-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `count` numbered lines, `prefix` telling which writer (old file, new file) wrote them. */
export function lines(prefix: string, from: number, count: number): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `${prefix} line ${String(i).padStart(5, '0')}\r\n`;
  return text;
}

/** Sets a file's modification time (file systems stamp with a coarse clock: two quick writes may share one). */
export function touchLater(file: string, seconds = 5): void {
  const { mtime } = fs.statSync(file);
  const later = new Date(mtime.getTime() + seconds * 1000);
  fs.utimesSync(file, later, later);
}
