import * as vscode from 'vscode';
import { findErrorCodes, lookupErrorCode } from '../core/logs/errorCodes';
import { formatClockMs, timeSpanAt, utcOffsetText, type TimeSpan } from '../core/logs/editor/timeSpans';
import type { Logger } from '../platform/logger';
import { codeHoverMarkdown } from './codeMarkdown';
import type { LogDiagnostics } from './LogDiagnostics';
import type { LogDocumentTracker } from './LogDocumentTracker';
import { baseNameOf } from './logUris';

/** Explains what the pointer is over in an SCCM log: an error code in any form, or a logged time. */
export class LogHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly tracker: LogDocumentTracker,
    private readonly diagnostics: LogDiagnostics,
    private readonly logger: Logger,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const log = this.tracker.get(document.uri);
    if (!log) return undefined;
    try {
      const line = document.lineAt(position.line).text;
      const code = findErrorCodes(line).find((c) => position.character >= c.index && position.character < c.index + c.length);
      if (code) {
        const info = lookupErrorCode(code.code);
        if (!info) return undefined;
        const range = new vscode.Range(position.line, code.index, position.line, code.index + code.length);
        const line = position.line + 1;
        const findingsInLog = this.diagnostics.findingsOf(document.uri).map((p) => p.finding);
        const context = { findingsHere: findingsInLog.filter((f) => line >= f.line && line <= f.endLine), findingsInLog, fileName: baseNameOf(document.uri), line };
        return new vscode.Hover(codeHoverMarkdown(info, context), range);
      }
      const format = log.analysis?.format ?? log.sniffedFormat;
      const time = timeSpanAt(line, format, position.character);
      if (time) return new vscode.Hover(timeMarkdown(time), new vscode.Range(position.line, time.start, position.line, time.end));
    } catch (err) {
      this.logger.error('SCCM log hover', err);
    }
    return undefined;
  }

}

/** The logged time, the UTC moment and the zone it was written in (UTC = local + bias). */
export function timeMarkdown(time: TimeSpan): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${vscode.l10n.t('Logged time')}** ${formatClockMs(time.localMs)}`);
  if (time.zone === 'bias' && time.biasMinutes !== null && time.utcMs !== null) {
    const bias = `${time.biasMinutes >= 0 ? '+' : ''}${time.biasMinutes}`;
    md.appendMarkdown(`\n\n**UTC** ${formatClockMs(time.utcMs)}`);
    md.appendMarkdown(`\n\n${vscode.l10n.t('Time zone {0} (bias {1} minutes: UTC = local time + bias)', utcOffsetText(time.biasMinutes), bias)}`);
  } else if (time.zone === 'utc' && time.utcMs !== null) {
    md.appendMarkdown(`\n\n**UTC** ${formatClockMs(time.utcMs)}`);
    md.appendMarkdown(`\n\n${vscode.l10n.t('This log writes its times in UTC.')}`);
  } else {
    md.appendMarkdown(`\n\n${vscode.l10n.t('UTC unknown: time zone not recorded in this log.')}`);
  }
  return md;
}
