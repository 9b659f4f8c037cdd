import * as fs from 'node:fs';
import * as path from 'node:path';
import { LogParser, parseLog } from '../../../src/core/logs/logParser';
import type { RecordStore } from '../../../src/core/logs/recordStore';
import type { LogEntry, LogFormat } from '../../../src/core/logs/types';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'logs');
/** Real logs from public repositories; not on every machine, so tests over them register only when present. */
export { SHARED_SAMPLES, hasSharedSamples } from '../../support/sharedSamples';

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function parseFixture(name: string): RecordStore {
  return parseLog(fs.readFileSync(fixture(name)), { path: fixture(name) });
}

export function parseText(text: string, format?: LogFormat): RecordStore {
  return parseLog(Buffer.from(text, 'utf8'), format ? { format } : {});
}

export function entries(store: RecordStore): LogEntry[] {
  return Array.from({ length: store.recordCount }, (_, i) => store.entry(i));
}

/** Feeds `bytes` to a new parser in the given chunk sizes (cycled), then ends it. */
export function parseInChunks(bytes: Uint8Array, sizes: readonly number[], format?: LogFormat): RecordStore {
  const parser = new LogParser(format ? { format } : {});
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    const size = Math.max(1, sizes[k++ % sizes.length]);
    parser.push(bytes.subarray(pos, pos + size));
    pos += size;
  }
  parser.end();
  return parser.store;
}

/** `<![LOG[...]LOG]!>` record line for tests. */
export function cmtraceLine(message: string, attrs: { time?: string; date?: string; component?: string; type?: string; thread?: string } = {}): string {
  const { time = '10:00:00.000+000', date = '01-01-2024', component = 'Test', type = '1', thread = '1' } = attrs;
  return `<![LOG[${message}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="${type}" thread="${thread}" file="test.cpp:1">`;
}
