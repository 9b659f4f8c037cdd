import * as vscode from 'vscode';
import { LogCommands } from '../constants';
import { rulesForCode, type RuleSummary } from '../core/logs/editor/knowledgeIndex';
import { facilityName, facilityOf } from '../core/logs/errorCodeFormat';
import { errorCodeSources, hasKnownMessage } from '../core/logs/errorCodes';
import type { ErrorCodeInfo, Finding } from '../core/logs/types';
import { escapeMarkdown } from '../platform/markdown';
import { firstSentence, truncate } from './findingText';

export { escapeMarkdown };

export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** Where the official message comes from: the attribution every message keeps. */
export function sourceAttribution(info: ErrorCodeInfo): string {
  if (!hasKnownMessage(info)) return vscode.l10n.t('Derived from the value of the code; no official message is known.');
  const source = errorCodeSources()[info.source];
  const what = escapeMarkdown(truncate(source?.what ?? info.source, 90));
  const url = info.sourceUrl ?? source?.url;
  return vscode.l10n.t('Source: {0}', url ? `[${what}](${url})` : what);
}

/** Facility, Win32 code, HTTP status and signed value: what the number itself says. */
export function codeFacts(info: ErrorCodeInfo): string[] {
  const facts: string[] = [];
  if (!info.hex.startsWith('ccmsetup:') && info.unsigned > 0xffff) {
    const facility = facilityName(info.unsigned);
    facts.push(facility ? vscode.l10n.t('Facility {0} ({1})', facility, facilityOf(info.unsigned)) : vscode.l10n.t('Facility {0}', facilityOf(info.unsigned)));
  }
  if (info.win32 !== undefined) facts.push(vscode.l10n.t('Win32 error {0}', info.win32));
  if (info.httpStatus !== undefined) facts.push(vscode.l10n.t('HTTP status {0}', info.httpStatus));
  if (!info.hex.startsWith('ccmsetup:') && info.signed !== info.unsigned) facts.push(vscode.l10n.t('Decimal {0} / {1}', info.signed, info.unsigned));
  else if (!info.hex.startsWith('ccmsetup:')) facts.push(vscode.l10n.t('Decimal {0}', info.unsigned));
  return facts;
}

/** Heading and official message of a code. */
export function codeHeading(info: ErrorCodeInfo): string {
  const name = info.name ? ` \`${info.name}\`` : '';
  return `**${escapeMarkdown(info.hex)}**${name} \u00b7 ${escapeMarkdown(info.category)}\n\n${escapeMarkdown(info.message)}`;
}

/** Where a hovered code sits: the findings of its line and of its whole log, and the log's name. */
export interface CodeContext {
  findingsHere: readonly Finding[];
  findingsInLog: readonly Finding[];
  fileName: string;
  /** 1-based line of the hovered code. */
  line: number;
}

function explained(title: string, cause: string, fix: string): string {
  return [
    `**${escapeMarkdown(title)}**`,
    `${vscode.l10n.t('Likely cause:')} ${escapeMarkdown(firstSentence(cause, 300))}`,
    `${vscode.l10n.t('Fix:')} ${escapeMarkdown(truncate(fix.replace(/\s+/g, ' '), 400))}`,
  ].join('\n\n');
}

/**
 * What the knowledge base says about a code here, most specific first: the finding on this
 * line; else this log's finding with the same code (the failure this line follows from);
 * else the one signature for this kind of log that names the code. A code several
 * signatures name (0x80004005) only lists them: which one applies depends on the log.
 */
export function knowledgeMarkdown(info: ErrorCodeInfo, context: CodeContext): { text: string; reference: string | null } {
  const sameCode = (f: Finding): boolean => f.code === info.hex;
  const here = context.findingsHere.find((f) => sameCode(f) && f.rule) ?? context.findingsHere.find(sameCode);
  if (here && (here.rule || here.reference)) return { text: explained(here.title, here.cause, here.fix), reference: here.reference };
  const before = context.findingsInLog.filter((f) => sameCode(f) && f.rule && f.line <= context.line);
  const inLog = before[before.length - 1] ?? context.findingsInLog.find((f) => sameCode(f) && f.rule);
  if (inLog) {
    const where = vscode.l10n.t('This log’s finding for {0} (line {1}):', info.hex, inLog.line);
    return { text: `${where}\n\n${explained(inLog.title, inLog.cause, inLog.fix)}`, reference: inLog.reference };
  }
  const rules = rulesForCode(info.hex);
  const forThisLog = rulesForCode(info.hex, { fileName: context.fileName });
  if (forThisLog.length === 1) return { text: explained(forThisLog[0].title, forThisLog[0].cause, forThisLog[0].fix), reference: forThisLog[0].reference };
  const listed = forThisLog.length ? forThisLog : rules;
  if (!listed.length) return { text: '', reference: null };
  const heading = forThisLog.length
    ? vscode.l10n.t('Known failures with this code in {0}:', context.fileName)
    : vscode.l10n.t('Known failures with this code in other logs:');
  const items = listed.slice(0, 6).map((r: RuleSummary) => `- ${escapeMarkdown(r.title)} (${r.files.map((t) => escapeMarkdown(t)).join(', ')})`);
  return { text: `${heading}\n\n${items.join('\n')}`, reference: null };
}

/** The hover of an error code: name, official message with attribution, facts, and our cause/fix. */
export function codeHoverMarkdown(info: ErrorCodeInfo, context: CodeContext): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [LogCommands.lookUpErrorCode] };
  md.appendMarkdown(codeHeading(info));
  md.appendMarkdown(`\n\n*${sourceAttribution(info)}*`);
  md.appendMarkdown(`\n\n${codeFacts(info).map((t) => escapeMarkdown(t)).join(' \u00b7 ')}`);
  const knowledge = knowledgeMarkdown(info, context);
  if (knowledge.text) md.appendMarkdown(`\n\n---\n\n${knowledge.text}`);
  const links = [commandLink(vscode.l10n.t('Look up'), LogCommands.lookUpErrorCode, [info.hex])];
  if (knowledge.reference) links.push(`[${escapeMarkdown(vscode.l10n.t('Reference'))}](${knowledge.reference})`);
  md.appendMarkdown(`\n\n$(search) ${links.join(' \u00b7 ')}`);
  return md;
}
