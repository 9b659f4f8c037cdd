import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { rolledOverPath } from '../../logs/tail/rolledOver';

export interface CmTraceEntry {
  message: string;
  component: string;
  /** 1 information, 2 warning, 3 error. */
  type: 1 | 2 | 3;
  thread: number;
  /** `source.cpp:line`. */
  file: string;
}

const BOM = '\uFEFF';
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * One CMTrace record. The bias is `Date.getTimezoneOffset()`, which already has the Windows
 * TIME_ZONE_INFORMATION sign (UTC = local + bias): +240 for US Eastern summer time, -60 for BST.
 */
export function formatCmTraceLine(entry: CmTraceEntry, at: Date): string {
  const bias = at.getTimezoneOffset();
  const biasText = bias === 0 ? '+000' : `${bias > 0 ? '+' : '-'}${Math.abs(bias)}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}${biasText}`;
  const date = `${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${at.getFullYear()}`;
  return `<![LOG[${entry.message}]LOG]!><time="${time}" date="${date}" component="${entry.component}" context="" type="${entry.type}" thread="${entry.thread}" file="${entry.file}">\r\n`;
}

/**
 * Appends CMTrace records to client logs: UTF-8 with BOM, CRLF, and `.lo_` rollover when a log
 * would pass `maxBytes` (the client keeps one previous copy, default 250 KB). Writes to one file
 * are serialised so concurrent lab clients never interleave half records.
 */
export class CmTraceWriter {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly maxBytes = 200 * 1024) {}

  append(file: string, entries: readonly CmTraceEntry[], start: Date): Promise<void> {
    const text = entries.map((e, i) => formatCmTraceLine(e, new Date(start.getTime() + i * 3))).join('');
    const previous = this.chains.get(file) ?? Promise.resolve();
    const next = previous.then(() => this.write(file, text));
    this.chains.set(
      file,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Waits for every pending write. */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  private async write(file: string, text: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const bytes = Buffer.byteLength(text, 'utf8');
    let size = -1;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      size = -1;
    }
    if (size >= 0 && size + bytes > this.maxBytes) {
      await fs.rename(file, rolledOverPath(file));
      size = -1;
    }
    await fs.appendFile(file, size < 0 ? BOM + text : text, 'utf8');
  }
}
