import type { Finding, LogEntry, ScanFileResult } from '../logs/types';

/** The readable report of `logs scan` (without --json). */
export function formatScanReport(files: readonly ScanFileResult[]): string {
  if (files.length === 0) return 'No log files found.\n';
  const out: string[] = [];
  for (const file of files) {
    const { error, warning, info } = file.counts;
    out.push(file.path);
    out.push(`  format ${file.format}, encoding ${file.encoding}, ${plural(file.records, 'record')}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info`);
    out.push(file.findings.length ? `  ${plural(file.findings.length, 'finding')}:` : '  no findings');
    for (const finding of file.findings) out.push(...formatFinding(finding));
    if (file.entries) {
      out.push('  records:');
      for (const entry of file.entries) out.push(formatEntry(entry));
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function formatFinding(finding: Finding): string[] {
  const lines = finding.endLine > finding.line ? `lines ${finding.line}-${finding.endLine}` : `line ${finding.line}`;
  const code = finding.code ? ` ${finding.code}` : '';
  const repeats = finding.repeats ? ` (repeated ${finding.repeats} times)` : '';
  const out = [`  ${lines} [${finding.severity}]${code} ${finding.title}${repeats}`];
  if (finding.codeMessage) out.push(`      code: ${finding.codeMessage}`);
  out.push(`      cause: ${finding.cause}`);
  out.push(`      fix: ${finding.fix}`);
  if (finding.reference) out.push(`      reference: ${finding.reference}`);
  for (const related of finding.related ?? []) out.push(`      related: ${related.path}:${related.line} ${oneLine(related.message)}`);
  return out;
}

function formatEntry(entry: LogEntry): string {
  const where = entry.endLine > entry.line ? `${entry.line}-${entry.endLine}` : `${entry.line}`;
  const time = entry.localTime ?? '-';
  const component = entry.component ? `${entry.component}: ` : '';
  const kind = entry.kind === 'fragment' ? ' (fragment)' : '';
  return `    ${where.padStart(6)}  ${time}  ${entry.severity.padEnd(7)}  ${component}${oneLine(entry.message)}${kind}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' | ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
