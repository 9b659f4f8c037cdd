import * as vscode from 'vscode';
import { FINDING_DOCUMENT_SCHEME } from '../constants';
import type { Finding, LogEntry, Remediation } from '../core/logs/types';
import { DisposableStore } from '../platform/lifecycle';
import { escapeMarkdown } from './codeMarkdown';
import { baseNameOf, uriOfLogPath } from './logUris';

/** Explanations kept for reopening; the oldest go first. */
const MAX_DOCUMENTS = 50;
const MAX_RECORD_LINES = 30;

const FENCE: Readonly<Record<Remediation['kind'], string>> = { registry: 'ini', powershell: 'powershell', text: 'text' };

const encoder = new TextEncoder();

/**
 * Read-only markdown documents explaining a finding, opened beside the log. Served as a
 * read-only file system (`sccm-finding:/<id>/<title>.md`) rather than a content provider,
 * so the markdown preview and the file service can read them like files.
 */
export class FindingDocuments extends DisposableStore implements vscode.FileSystemProvider {
  private readonly contents = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  readonly onDidChangeFile = this.changed.event;
  private next = 1;

  constructor() {
    super();
    this.register(vscode.workspace.registerFileSystemProvider(FINDING_DOCUMENT_SCHEME, this, { isCaseSensitive: true, isReadonly: true }));
  }

  /** Stores markdown under a new URI whose file name is the title. */
  add(title: string, markdown: string): vscode.Uri {
    const id = String(this.next++);
    this.contents.set(id, { bytes: encoder.encode(markdown), mtime: Date.now() });
    if (this.contents.size > MAX_DOCUMENTS) this.contents.delete(this.contents.keys().next().value as string);
    const name = title.replace(/[^\w .()-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'finding';
    return vscode.Uri.from({ scheme: FINDING_DOCUMENT_SCHEME, path: `/${id}/${name}.md` });
  }

  private entry(uri: vscode.Uri): { bytes: Uint8Array; mtime: number } | undefined {
    return this.contents.get(uri.path.split('/')[1] ?? '');
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const parts = uri.path.split('/').filter(Boolean);
    if (parts.length < 2) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const entry = this.entry(uri);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: entry.mtime, mtime: entry.mtime, size: entry.bytes.length, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.entry(uri);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry.bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  watch(): vscode.Disposable {
    // The documents never change once written.
    return { dispose: () => undefined };
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** A link that opens a log at a 1-based line. */
export function lineLink(uri: vscode.Uri, line: number): string {
  return uri.with({ fragment: `L${line}` }).toString();
}

function severityText(severity: Finding['severity']): string {
  switch (severity) {
    case 'error':
      return vscode.l10n.t('Error');
    case 'warning':
      return vscode.l10n.t('Warning');
    case 'info':
      return vscode.l10n.t('Information');
  }
}

/** "1. Do this. 2. Then that." becomes a numbered list. */
function steps(text: string): string {
  const parts = text.split(/\s+(?=\d{1,2}\.\s)/);
  return parts.length > 1 ? parts.map((p) => p.trim()).join('\n') : text;
}

function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\s+$/, '')}\n${fence}`;
}

/** The explanation of a finding: what happened, likely cause, fix, remediation, related lines, reference. */
export function explanationMarkdown(logUri: vscode.Uri, finding: Finding, entry: LogEntry | undefined): string {
  const out: string[] = [];
  const logName = baseNameOf(logUri);
  out.push(`# ${escapeMarkdown(finding.title)}`);
  const facts = [`**${severityText(finding.severity)}**`, `[${escapeMarkdown(vscode.l10n.t('{0} line {1}', logName, finding.line))}](${lineLink(logUri, finding.line)})`];
  if (finding.rule) facts.push(vscode.l10n.t('signature {0}', `\`${finding.rule}\``));
  if (finding.code) facts.push(`\`${finding.code}\`${finding.codeMessage ? ` ${escapeMarkdown(finding.codeMessage)}` : ''}`);
  out.push(facts.join(' \u00b7 '));
  out.push(`## ${vscode.l10n.t('What happened')}`);
  if (entry) {
    const lines = entry.message.split('\n');
    const shown = lines.slice(0, MAX_RECORD_LINES).join('\n') + (lines.length > MAX_RECORD_LINES ? '\n…' : '');
    const when = entry.localTime ? `${entry.localTime.replace('T', ' ')}${entry.utc ? ` (UTC ${entry.utc.slice(0, 23).replace('T', ' ')})` : ''}` : '';
    const who = [entry.component, entry.thread ? vscode.l10n.t('thread {0}', entry.thread) : ''].filter(Boolean).join(', ');
    if (when || who) out.push(escapeMarkdown([when, who].filter(Boolean).join(' \u00b7 ')));
    out.push(fenced(shown, 'text'));
  } else {
    out.push(vscode.l10n.t('Record {0} of the log.', finding.recordIndex + 1));
  }
  out.push(`## ${vscode.l10n.t('Likely cause')}`, escapeMarkdown(finding.cause));
  out.push(`## ${vscode.l10n.t('Fix')}`, escapeMarkdown(steps(finding.fix)));
  if (finding.remediation?.length) {
    out.push(`## ${vscode.l10n.t('Remediation')}`);
    for (const r of finding.remediation) out.push(`### ${escapeMarkdown(r.label)}`, fenced(r.text, FENCE[r.kind]));
  }
  if (finding.related?.length) {
    out.push(`## ${vscode.l10n.t('Related lines')}`);
    for (const r of finding.related) {
      const uri = uriOfLogPath(r.path);
      const label = vscode.l10n.t('{0} line {1}', baseNameOf(uri), r.line);
      out.push(`- [${escapeMarkdown(label)}](${lineLink(uri, r.line)}): ${escapeMarkdown(r.message)}`);
    }
  }
  if (finding.reference) out.push(`## ${vscode.l10n.t('Reference')}`, `<${finding.reference}>`);
  return `${out.join('\n\n')}\n`;
}
