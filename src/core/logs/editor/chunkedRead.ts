import { throwIfCancelled, type CancellationTokenLike } from '../../util/cancellation';
import { yieldToEventLoop } from '../../util/eventLoop';
import { CHUNK_BYTES, FIRST_CHUNK_BYTES } from '../tail/fileTail';
import type { AnalysisStep, LogAnalysis } from './logAnalysis';

export interface ChunkedReadOptions {
  firstChunkBytes?: number;
  chunkBytes?: number;
  token?: CancellationTokenLike;
  /** Called after each chunk with what it added (before the next chunk is pushed). */
  onStep?: (step: AnalysisStep) => void;
}

/**
 * Pushes bytes VS Code holds in memory (a document's text, `workspace.fs.readFile`) into the
 * analysis in the chunks a file tail reads (small first, so the first findings come early),
 * yielding to the event loop after each one. Does not settle the analysis. Files on disk
 * are read by `FileTail` instead.
 */
export async function pushInChunks(analysis: LogAnalysis, bytes: Uint8Array, options: ChunkedReadOptions = {}): Promise<void> {
  let chunk = Math.max(1, options.firstChunkBytes ?? FIRST_CHUNK_BYTES);
  const bigChunk = Math.max(chunk, options.chunkBytes ?? CHUNK_BYTES);
  for (let offset = 0; offset < bytes.length; offset += chunk, chunk = bigChunk) {
    throwIfCancelled(options.token);
    const step = analysis.push(bytes.subarray(offset, Math.min(bytes.length, offset + chunk)));
    options.onStep?.(step);
    await yieldToEventLoop();
  }
}
