import type { LogParser, RecordRange } from '../../core/logs/logParser';
import { FileTail } from '../../core/logs/tail/fileTail';
import type { CancellationTokenLike } from '../../core/util/cancellation';

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

/**
 * Reads a log file once, in chunks, into a viewer parser (VS Code hands extensions no file
 * over 50 MB; this reads any size). After each chunk `onRecords` gets the records it added.
 * Does not call `parser.end()`.
 */
export async function readLogFile(
  file: string,
  parser: LogParser,
  onRecords: (range: RecordRange, progress: ReadProgress) => Promise<void>,
  token?: CancellationTokenLike,
): Promise<void> {
  const tail = new FileTail(
    file,
    {
      bytes: (chunk, progress) => onRecords(parser.push(chunk), { bytes: progress.offset, totalBytes: progress.size }),
      restarted: () => undefined,
    },
    { chunkBytes: READ_CHUNK },
  );
  if ((await tail.check(token)) === 'missing') throw missingLogError(file);
}
