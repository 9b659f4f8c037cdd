import * as vscode from 'vscode';
import { LOG_DIAGNOSTIC_SOURCE } from '../constants';
import type { Finding } from '../core/logs/types';
import { DisposableStore } from '../platform/lifecycle';
import { diagnosticMessage } from './findingText';
import type { LogDocumentTracker } from './LogDocumentTracker';
import type { LogSettings } from './LogSettings';
import { uriKey, uriOfLogPath } from './logUris';
import type { TrackedLog } from './TrackedLog';

const SEVERITY: Readonly<Record<Finding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A finding as published, with the diagnostic made from it. */
export interface PublishedFinding {
  finding: Finding;
  diagnostic: vscode.Diagnostic;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uriKey(uri);
  return vscode.workspace.textDocuments.find((d) => uriKey(d.uri) === key);
}

/** The range of a finding: its matched text, or its whole record when it has no columns. */
export function findingRange(finding: Finding, doc: vscode.TextDocument | undefined): vscode.Range {
  const startLine = Math.max(0, finding.line - 1);
  const endLine = Math.max(startLine, finding.endLine - 1);
  if (finding.startColumn !== undefined && finding.endColumn !== undefined) {
    return new vscode.Range(startLine, finding.startColumn, endLine, finding.endColumn);
  }
  // The record's lines end where the document says; without the document, the editor clamps the range.
  const endColumn = doc && endLine < doc.lineCount ? doc.lineAt(endLine).range.end.character : Number.MAX_SAFE_INTEGER;
  return new vscode.Range(startLine, 0, endLine, endColumn);
}

export function toDiagnostic(finding: Finding, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(findingRange(finding, doc), diagnosticMessage(finding), SEVERITY[finding.severity]);
  diagnostic.source = LOG_DIAGNOSTIC_SOURCE;
  const value = finding.rule ?? finding.code;
  if (value) diagnostic.code = finding.reference ? { value, target: vscode.Uri.parse(finding.reference) } : value;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOfLogPath(r.path), new vscode.Position(Math.max(0, r.line - 1), 0)), r.message),
    );
  }
  return diagnostic;
}

/**
 * The one `sccm` diagnostic collection: each finding of a published log becomes a
 * diagnostic on its exact range. Keeps which finding each diagnostic came from, for the
 * quick fixes (VS Code hands providers copies of the diagnostics, not the objects).
 */
export class LogDiagnostics extends DisposableStore {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('sccm'));
  private readonly published = new Map<string, PublishedFinding[]>();

  constructor(
    private readonly tracker: LogDocumentTracker,
    private readonly settings: LogSettings,
  ) {
    super();
    this.register(tracker.onDidChangeFindings((log) => this.update(log)));
    this.register(tracker.onDidRemoveLog((log) => this.clear(log.uri)));
    this.register(settings.onDidChange(() => this.updateAll()));
  }

  /** The findings published for a log, in log order. */
  findingsOf(uri: vscode.Uri): readonly PublishedFinding[] {
    return this.published.get(uriKey(uri)) ?? [];
  }

  /** The finding a diagnostic (as a provider receives it) was made from. */
  findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    return this.findingsOf(uri).find((p) => p.diagnostic.range.isEqual(diagnostic.range) && p.diagnostic.message === diagnostic.message)?.finding;
  }

  private updateAll(): void {
    for (const log of this.tracker.all()) this.update(log);
  }

  private update(log: TrackedLog): void {
    const analysis = log.analysis;
    if (!this.settings.diagnosticsEnabled || !log.published || log.isDisposed || !analysis) {
      this.clear(log.uri);
      return;
    }
    const doc = openDocument(log.uri);
    const entries = analysis.findings.map((finding) => ({ finding, diagnostic: toDiagnostic(finding, doc) }));
    this.published.set(log.key, entries);
    this.collection.set(
      log.uri,
      entries.map((e) => e.diagnostic),
    );
  }

  private clear(uri: vscode.Uri): void {
    this.published.delete(uriKey(uri));
    this.collection.delete(uri);
  }
}
