import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LogEntry, Severity } from '../../../../../src/core/logs/types';
import { ArrayRecordSource } from './arraySource';

/**
 * A deliberately small reader for the real sample logs and the demo logs, independent of the
 * product's parser: CMTrace records by regex, Panther/CBS/DISM lines by their date prefix,
 * anything else line by line. Good enough to check which signatures fire.
 */
const CMTRACE =
  /<!\[LOG\[([\s\S]*?)\]LOG\]!><time="[^"]*"\s+date="[^"]*"\s+component="([^"]*)"\s+context="[^"]*"\s+type="(\d*)"\s+thread="([^"]*)"(?:\s+file="[^"]*")?\s*>/g;
const PANTHER = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, (Info|Warning|Error|Fatal Error|Perf)\b\s*(?:\[0x[0-9a-fA-F]+\])?\s*(\S*)\s*(.*)$/;

function decode(bytes: Buffer): string {
  const text = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3).toString('utf8') : bytes.toString('latin1');
  return text;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    } else if (c === '\n') starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function entry(index: number, line: number, endLine: number, message: string, severity: Severity, component: string, column: number): LogEntry {
  return { index, line, endLine, localTime: null, utc: null, utcMs: null, localMs: null, biasMinutes: null, component, thread: '', severity, message, kind: 'record', messageColumn: column };
}

export function readLogEntries(text: string): LogEntry[] {
  const starts = lineStarts(text);
  const out: LogEntry[] = [];
  if (text.includes('<![LOG[')) {
    for (const m of text.matchAll(CMTRACE)) {
      const messageStart = (m.index ?? 0) + '<![LOG['.length;
      const first = lineOf(starts, messageStart);
      const last = lineOf(starts, messageStart + m[1].length);
      const severity: Severity = m[3] === '3' ? 'error' : m[3] === '2' ? 'warning' : 'info';
      out.push(entry(out.length, first + 1, last + 1, m[1], severity, m[2], messageStart - starts[first]));
    }
    return out;
  }
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const p = PANTHER.exec(line);
    if (p) {
      const severity: Severity = p[1].includes('Error') ? 'error' : p[1] === 'Warning' ? 'warning' : 'info';
      out.push(entry(out.length, i + 1, i + 1, p[3], severity, p[2], line.length - p[3].length));
    } else if (out.length && /^\s/.test(line) && line.trim()) {
      const prev = out[out.length - 1];
      out[out.length - 1] = { ...prev, message: `${prev.message}\n${line}`, endLine: i + 1 };
    } else if (line.trim()) {
      const severity: Severity = line.startsWith('!!!') ? 'error' : 'info';
      out.push(entry(out.length, i + 1, i + 1, line, severity, '', 0));
    }
  });
  return out;
}

export function readLogFile(path: string, fileName = basename(path)): ArrayRecordSource {
  return new ArrayRecordSource(fileName, readLogEntries(decode(readFileSync(path))), path);
}
