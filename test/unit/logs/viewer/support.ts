import { parseLog } from '../../../../src/core/logs/logParser';
import type { RecordStore } from '../../../../src/core/logs/recordStore';

export interface FakeRecord {
  /** `MM-DD-YYYY`. */
  date?: string;
  /** `HH:MM:SS.mmm`. */
  time: string;
  /** `+240`, `-60`; omitted = no bias (a .NET writer). */
  bias?: string | null;
  component?: string;
  type?: 0 | 1 | 2 | 3;
  thread?: string;
  message: string;
}

/** CMTrace text for the records, CRLF-separated, as ConfigMgr writes it. */
export function cmtraceText(records: readonly FakeRecord[]): string {
  return records
    .map((r) => {
      const bias = r.bias === undefined ? '+000' : r.bias === null ? '' : r.bias;
      return `<![LOG[${r.message}]LOG]!><time="${r.time}${bias}" date="${r.date ?? '03-14-2024'}" component="${r.component ?? 'Test'}" context="" type="${r.type ?? 1}" thread="${r.thread ?? '100'}" file="test.cpp:1">`;
    })
    .join('\r\n')
    .concat('\r\n');
}

export function cmtraceStore(records: readonly FakeRecord[], path = 'C:\\Logs\\test.log'): RecordStore {
  return parseLog(Buffer.from(cmtraceText(records), 'utf8'), { path });
}

/** A Panther (setupact.log) store: local times, no zone. */
export function pantherStore(lines: readonly string[], path = 'C:\\Windows\\Panther\\setupact.log'): RecordStore {
  return parseLog(Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'), { path });
}

/** Runs queued filter work without waiting for the event loop. */
export const immediate = (): Promise<void> => Promise.resolve();
