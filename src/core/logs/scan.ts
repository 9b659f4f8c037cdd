import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationError, throwIfCancelled, type CancellationTokenLike } from '../util/cancellation';
import { LogDecoder } from './decode';
import { DETECT_SAMPLE_CHARS, detectFormat, looksBinary, looksLikeLog } from './detect';
import { LogAnalysis } from './editor/logAnalysis';
import { correlateLogs, type DiagnosedLog } from './kb/diagnoser';
import { LogParser } from './logParser';
import type { RecordStore } from './recordStore';
import type { Finding, LogEntry, ScanFileResult } from './types';

/**
 * Bytes per read when streaming a log: a 2 GB file is never one buffer or one string.
 * 16 MiB keeps the read buffer and its transient copies small next to the text kept
 * (measured on a 100 MB log: peak RSS 2.8x the file, against 3.5x with 64 MiB reads).
 */
export const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;
/** The first read is small so the first findings of a big log come quickly. */
const FIRST_CHUNK_SIZE = 1024 * 1024;

export interface ScanOptions {
  /** Include every record (`entries`) in the results. */
  records?: boolean;
  token?: CancellationTokenLike;
  /** Relative paths are resolved against this folder (default: the process's). */
  cwd?: string;
  /** Bytes per read (default 16 MiB); tests use small values to exercise streaming. */
  chunkSize?: number;
  /** Called with each batch of findings as a file is read (before cross-log correlation). */
  onFindings?: (path: string, findings: readonly Finding[]) => void;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ScanResult {
  files: ScanFileResult[];
  /** Files inside scanned folders that could not be read (a named file that cannot be read is an error). */
  skipped: SkippedFile[];
}

/** A path given to the scan is missing or unreadable. */
export class ScanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}

export interface ReadLogOptions {
  token?: CancellationTokenLike;
  chunkSize?: number;
  /** Called after each read with the records it added. */
  onRecords?: (store: RecordStore, from: number, to: number) => void;
}

/**
 * Reads a file from the start in chunks (a small first one, then `chunkSize`) and hands each
 * to `onChunk`, which must copy what it keeps: the buffer is reused for the next read.
 */
async function forEachChunk(filePath: string, chunkSize: number | undefined, token: CancellationTokenLike | undefined, onChunk: (bytes: Uint8Array) => void): Promise<void> {
  const size = Math.max(1, chunkSize ?? DEFAULT_CHUNK_SIZE);
  const handle = await fs.promises.open(filePath, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(size, FIRST_CHUNK_SIZE));
    for (;;) {
      throwIfCancelled(token);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      onChunk(buffer.subarray(0, bytesRead));
      if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    }
  } finally {
    await handle.close();
  }
}

/** Reads a log file in chunks through a `LogParser` and returns the parsed store. */
export async function readLogFile(filePath: string, options: ReadLogOptions = {}): Promise<RecordStore> {
  const parser = new LogParser({ path: filePath });
  await forEachChunk(filePath, options.chunkSize, options.token, (bytes) => {
    const range = parser.push(bytes);
    options.onRecords?.(parser.store, range.from, range.to);
  });
  const range = parser.end();
  options.onRecords?.(parser.store, range.from, range.to);
  return parser.store;
}

/**
 * Scans log files and folders (recursively; in folders only files that look like logs by
 * their content): parses each file, diagnoses it with the knowledge base, then correlates
 * the findings across all files of the scan.
 */
export async function scanPaths(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const skipped: SkippedFile[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    const stat = await statOrExplain(full, given);
    if (stat.isDirectory()) for (const file of await logsInFolder(full, skipped, options.token)) add(file);
    else {
      await assertReadable(full, given);
      add(full);
    }
  }

  const diagnosed: DiagnosedLog[] = [];
  const stores: RecordStore[] = [];
  for (const file of files) {
    throwIfCancelled(options.token);
    // The same parse-and-diagnose the editor runs: findings of earlier chunks get what later
    // ones complete (the remediation listing every duplicate GUID), at-end findings are added.
    const analysis = new LogAnalysis(file);
    const report = (added: readonly Finding[]): void => {
      if (added.length) options.onFindings?.(file, added);
    };
    try {
      await forEachChunk(file, options.chunkSize, options.token, (bytes) => report(analysis.push(bytes).added));
    } catch (err) {
      if (err instanceof CancellationError) throw err;
      if (seenAsNamedFile(paths, file, cwd)) throw new ScanInputError(`cannot read ${file}: ${describe(err)}`);
      skipped.push({ path: file, reason: describe(err) });
      continue;
    }
    report(analysis.settle(false).added);
    diagnosed.push({ source: analysis.store, findings: [...analysis.findings] });
    stores.push(analysis.store);
  }
  // Correlation adds related locations to the findings and rewrites their cause and fix.
  correlateLogs(diagnosed);

  return {
    files: diagnosed.map(({ findings }, i) => toResult(stores[i], findings, options.records === true)),
    skipped,
  };
}

function toResult(store: RecordStore, findings: Finding[], withEntries: boolean): ScanFileResult {
  const result: ScanFileResult = {
    path: store.path,
    format: store.format,
    encoding: store.encoding,
    records: store.recordCount,
    counts: store.counts,
    findings: [...findings].sort((a, b) => a.line - b.line || a.endLine - b.endLine || a.recordIndex - b.recordIndex),
  };
  if (withEntries) {
    const entries: LogEntry[] = new Array<LogEntry>(store.recordCount);
    for (let i = 0; i < store.recordCount; i++) entries[i] = store.entry(i);
    result.entries = entries;
  }
  return result;
}

async function statOrExplain(full: string, given: string): Promise<fs.Stats> {
  try {
    return await fs.promises.stat(full);
  } catch (err) {
    throw new ScanInputError(`cannot read ${given}: ${describe(err)}`);
  }
}

async function assertReadable(full: string, given: string): Promise<void> {
  try {
    await fs.promises.access(full, fs.constants.R_OK);
  } catch (err) {
    throw new ScanInputError(`cannot read ${given}: ${describe(err)}`);
  }
}

/** Files under `folder` whose content looks like a log, in a stable (sorted) order. */
async function logsInFolder(folder: string, skipped: SkippedFile[], token: CancellationTokenLike | undefined): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    throwIfCancelled(token);
    let entries: fs.Dirent[];
    try {
      // Symlinked folders could loop: visit each real folder once.
      const real = await fs.promises.realpath(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      // A folder that cannot be read is skipped like a file, not the end of the scan.
      skipped.push({ path: dir, reason: describe(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await fs.promises.stat(full).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) await walk(full);
      else if (isFile && (await looksLikeLogFile(full, skipped))) found.push(full);
    }
  };
  await walk(folder);
  return found;
}

/** Reads the start of a file: not binary, and a known format or lines with times of day. */
async function looksLikeLogFile(file: string, skipped: SkippedFile[]): Promise<boolean> {
  let head: Buffer;
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(size, DETECT_SAMPLE_CHARS));
      // Only what was read: a file that shrank since stat would otherwise look binary (zero fill).
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    skipped.push({ path: file, reason: describe(err) });
    return false;
  }
  if (head.length === 0 || looksBinary(head.subarray(0, 8192))) return false;
  const text = new LogDecoder().decode(head, true);
  return looksLikeLog(detectFormat(text, true) ?? 'plain', text);
}

function seenAsNamedFile(paths: readonly string[], file: string, cwd: string): boolean {
  return paths.some((p) => path.resolve(cwd, p) === file);
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}
