/**
 * The log engine: parsing (every format an SCCM admin meets, detected by content), the
 * columnar record store the knowledge base reads, and scans of files and folders.
 */
export type * from './types';
export type { RecordSource } from './recordSource';
export { LogDecoder, decodeLog } from './decode';
export { DETECT_SAMPLE_CHARS, detectFormat, looksBinary, looksLikeLog } from './detect';
export { LogParser, parseLog, type LogParserOptions, type RecordRange } from './logParser';
export { RecordStore } from './recordStore';
export { DEFAULT_CHUNK_SIZE, ScanInputError, readLogFile, scanPaths, type ReadLogOptions, type ScanOptions, type ScanResult, type SkippedFile } from './scan';
