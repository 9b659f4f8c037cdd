import * as vscode from 'vscode';
import { LOG_DIAGNOSTIC_SOURCE, LogCommands } from '../constants';
import type { Finding } from '../core/logs/types';
import { truncate } from './findingText';
import type { LogDiagnostics } from './LogDiagnostics';

/** What the explain command needs: plain data, so it also works when passed through a command link. */
export interface FindingReference {
  uri: string;
  finding: Finding;
}

/**
 * Quick fixes for SCCM findings: explain (preferred), open the reference, copy each
 * ready-made remediation, look up the error code.
 */
export class LogCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: LogDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== LOG_DIAGNOSTIC_SOURCE) continue;
      const finding = this.diagnostics.findingFor(document.uri, diagnostic);
      if (finding) actions.push(...actionsFor(document.uri, finding, diagnostic));
    }
    return actions;
  }
}

function action(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [diagnostic];
  a.command = command;
  return a;
}

export function actionsFor(uri: vscode.Uri, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const ref: FindingReference = { uri: uri.toString(), finding };
  const explainTitle = vscode.l10n.t('Explain: {0}', truncate(finding.title, 70));
  const explain = action(explainTitle, diagnostic, { title: explainTitle, command: LogCommands.explainFinding, arguments: [ref] });
  explain.isPreferred = true;
  const actions = [explain];
  if (finding.reference) {
    const title = vscode.l10n.t('Open reference');
    actions.push(action(title, diagnostic, { title, command: LogCommands.openReference, arguments: [finding.reference] }));
  }
  for (const remediation of finding.remediation ?? []) {
    // Labels are written as actions ("Copy the BannedGuids registry value"); a note gets "Copy:" in front.
    const copyLabel = /^Copy\s+(.*)$/i.exec(remediation.label);
    const title = copyLabel ? vscode.l10n.t('Copy {0}', copyLabel[1]) : vscode.l10n.t('Copy: {0}', remediation.label);
    actions.push(action(title, diagnostic, { title, command: LogCommands.copyRemediation, arguments: [remediation] }));
  }
  if (finding.code) {
    const title = vscode.l10n.t('Look up error code {0}', finding.code);
    actions.push(action(title, diagnostic, { title, command: LogCommands.lookUpErrorCode, arguments: [finding.code] }));
  }
  return actions;
}
