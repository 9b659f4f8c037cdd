import { throwIfCancelled, type CancellationTokenLike } from '../../util/cancellation';
import type { AnalysisStep, LogAnalysis } from './logAnalysis';

/**
 * The first read is small so the first findings of a big log are published within a few
 * milliseconds; later reads are bigger (fewer calls) but still short enough that the
 * extension host stays responsive between them.
 */
export const FIRST_CHUNK_BYTES = 256 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** Reads up to `length` bytes at `offset`; an empty result means the end of the data. */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

export interface ChunkedReadOptions {
  /** Read up to this byte offset (default: until the reader returns nothing). */
  until?: number;
  firstChunkBytes?: number;
  chunkBytes?: number;
  token?: CancellationTokenLike;
  /** Called after each chunk with what it added (before the next chunk is read). */
  onStep?: (step: AnalysisStep) => void;
}

/** Lets timers, I/O and other requests run between two chunks of a long parse. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Pushes the bytes the reader returns into the analysis, from `analysis.bytesRead` on, in
 * growing chunks, yielding to the event loop after each one. Does not settle the analysis.
 */
export async function readInChunks(analysis: LogAnalysis, read: ByteReader, options: ChunkedReadOptions = {}): Promise<void> {
  const until = options.until ?? Number.POSITIVE_INFINITY;
  let chunk = Math.max(1, options.firstChunkBytes ?? FIRST_CHUNK_BYTES);
  const bigChunk = Math.max(chunk, options.chunkBytes ?? CHUNK_BYTES);
  while (analysis.bytesRead < until) {
    throwIfCancelled(options.token);
    const offset = analysis.bytesRead;
    const bytes = await read(offset, Math.min(chunk, until - offset));
    if (bytes.length === 0) break;
    const step = analysis.push(bytes);
    options.onStep?.(step);
    chunk = bigChunk;
    await yieldToEventLoop();
  }
}

/** A reader over bytes already in memory (document text, `workspace.fs.readFile`). */
export function memoryReader(bytes: Uint8Array): ByteReader {
  return async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length));
}
