import * as fs from 'node:fs';
import type { LogParser, RecordRange } from '../../core/logs/logParser';
import { CancellationError, type CancellationTokenLike } from '../../core/util/cancellation';
import type { TailPosition } from './logTail';

/** Read size: large enough to keep the parser busy, small enough to show progress and yield. */
export const READ_CHUNK = 8 * 1024 * 1024;

export interface ReadProgress {
  bytes: number;
  totalBytes: number;
}

/**
 * Streams a log file from disk into a parser in chunks (VS Code hands extensions no file
 * over 50 MB; this reads any size). After each chunk `onRecords` gets the records it added.
 * Returns where a live tail continues. Does not call `parser.end()`: a growing log's last
 * line may still be written.
 */
export async function readLogFile(
  file: string,
  parser: LogParser,
  onRecords: (range: RecordRange, progress: ReadProgress) => Promise<void>,
  token?: CancellationTokenLike,
): Promise<TailPosition> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const stat = await handle.stat();
    const totalBytes = stat.size;
    let offset = 0;
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(1, totalBytes)));
    while (offset < totalBytes) {
      if (token?.isCancellationRequested) throw new CancellationError();
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, totalBytes - offset), offset);
      if (bytesRead <= 0) break;
      offset += bytesRead;
      // The parser keeps what it needs (decoded text), so the buffer can be reused.
      const range = parser.push(buffer.subarray(0, bytesRead));
      await onRecords(range, { bytes: offset, totalBytes });
    }
    return { offset, ino: stat.ino, size: totalBytes };
  } finally {
    await handle.close();
  }
}
