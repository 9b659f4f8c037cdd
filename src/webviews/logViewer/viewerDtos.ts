import { findErrorCodes, lookupErrorCode } from '../../core/logs/errorCodes';
import type { Finding, LogEntry } from '../../core/logs/types';
import type { ErrorCodeDto, FindingDto, RowDto } from './protocol';
import { displayLocalTime } from './timeText';

/** Longest first line a row carries: the grid shows one line, the detail pane the rest. */
const MAX_ROW_TEXT = 2_000;

export function rowFromEntry(row: number, log: number, entry: LogEntry): RowDto {
  const message = entry.message;
  const lineEnd = message.indexOf('\n');
  let text = lineEnd >= 0 ? message.slice(0, lineEnd) : message;
  let more = lineEnd >= 0;
  if (text.length > MAX_ROW_TEXT) {
    text = text.slice(0, MAX_ROW_TEXT);
    more = true;
  }
  return {
    row,
    log,
    record: entry.index,
    line: entry.line,
    time: displayLocalTime(entry.localTime),
    utc: entry.utc,
    component: entry.component,
    thread: entry.thread,
    severity: entry.severity,
    text: text.replace(/\s+$/, ''),
    more,
    fragment: entry.kind === 'fragment',
  };
}

/** Every error code in a message, with its official text when known. */
export function codesInMessage(message: string): ErrorCodeDto[] {
  const seen = new Set<string>();
  const codes: ErrorCodeDto[] = [];
  for (const found of findErrorCodes(message)) {
    if (seen.has(found.code)) continue;
    seen.add(found.code);
    const info = lookupErrorCode(found.code);
    codes.push({
      text: found.text,
      code: found.code,
      name: info?.name ?? null,
      message: info?.message ?? null,
      category: info?.category ?? 'unknown',
    });
  }
  return codes;
}

export function findingDto(id: number, log: number, finding: Finding): FindingDto {
  return {
    id,
    log,
    record: finding.recordIndex,
    line: finding.line,
    severity: finding.severity,
    title: finding.title,
    cause: finding.cause,
    fix: finding.fix,
    code: finding.code,
    codeMessage: finding.codeMessage,
    rule: finding.rule,
  };
}
