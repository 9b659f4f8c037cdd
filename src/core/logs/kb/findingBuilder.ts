import { normaliseErrorCode } from '../errorCodeFormat';
import { findErrorCodes, hasKnownMessage, lookupErrorCode } from '../errorCodes';
import type { Finding, LogEntry, LogLocation } from '../types';
import type { CompiledRule } from './compiledRule';

/** Where a piece of the message sits in the file: lines and UTF-16 columns. */
export interface TextSpan {
  line: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Maps [start, end) of `entry.message` to file positions. When the message's line count does
 * not agree with the record's line range (a parser that rewrote the text), the whole record is used.
 */
export function spanOf(entry: LogEntry, start: number, end: number): TextSpan {
  const whole: TextSpan = { line: entry.line, endLine: entry.endLine };
  const message = entry.message;
  // Leading and trailing white space of a match is not worth underlining.
  while (start < end && /\s/.test(message[start])) start++;
  while (end > start && /\s/.test(message[end - 1])) end--;
  if (end <= start) return whole;
  const breaks: Array<{ index: number; length: number }> = [];
  for (const m of message.matchAll(LINE_BREAK)) breaks.push({ index: m.index ?? 0, length: m[0].length });
  if (entry.endLine - entry.line !== breaks.length) return whole;
  const position = (offset: number): { line: number; column: number } => {
    let lineOffset = 0;
    let lineStart = 0;
    for (const b of breaks) {
      if (b.index >= offset) break;
      lineOffset++;
      lineStart = b.index + b.length;
    }
    return { line: entry.line + lineOffset, column: (lineOffset === 0 ? entry.messageColumn : 0) + offset - lineStart };
  };
  const from = position(start);
  const to = position(end);
  return { line: from.line, endLine: to.line, startColumn: from.column, endColumn: to.column };
}

export function firstLine(message: string, max = 160): string {
  const line = message.split(/\r\n|\r|\n/, 1)[0].trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function locationOf(path: string, entry: LogEntry): LogLocation {
  return { path, line: entry.line, endLine: entry.endLine, message: firstLine(entry.message) };
}

function fillGroups(template: string, groups: Record<string, string | undefined> | undefined): string {
  return template.replace(/\$<(\w+)>/g, (_, name: string) => {
    const value = (groups?.[name] ?? '').trim();
    return value.length > 60 ? `${value.slice(0, 59)}…` : value;
  });
}

/**
 * The code a finding reports: the rule's own code template when it has one, else the first
 * code the record prints that the rule lists, else the first non-zero code it prints, else the
 * rule's code when it lists exactly one (the line says "has expired", the signature knows it is 0x800B0101).
 */
export function pickCode(rule: CompiledRule, message: string, match: RegExpExecArray): string | null {
  if (rule.spec.code) return normaliseErrorCode(fillGroups(rule.spec.code, match.groups));
  const printed = findErrorCodes(message).map((f) => f.code).filter((c) => c !== '0x00000000');
  const listed = (rule.spec.codes ?? []).map((c) => normaliseErrorCode(c));
  return printed.find((c) => listed.includes(c)) ?? printed[0] ?? (listed.length === 1 ? listed[0] : null);
}

export function codeMessageOf(code: string | null): string | null {
  if (!code) return null;
  const info = lookupErrorCode(code);
  return info && hasKnownMessage(info) ? info.message : null;
}

/** A finding for a record a rule matched, positioned on the matched text. */
export function ruleFinding(rule: CompiledRule, entry: LogEntry, match: RegExpExecArray): Finding {
  const code = pickCode(rule, entry.message, match);
  const span = spanOf(entry, match.index, match.index + match[0].length);
  const finding: Finding = {
    ...span,
    severity: rule.spec.severity,
    rule: rule.id,
    code,
    codeMessage: codeMessageOf(code),
    title: fillGroups(rule.spec.title, match.groups),
    cause: rule.spec.cause,
    fix: rule.spec.fix,
    reference: rule.spec.reference,
    recordIndex: entry.index,
  };
  if (finding.startColumn === undefined) {
    delete finding.startColumn;
    delete finding.endColumn;
  }
  return finding;
}
