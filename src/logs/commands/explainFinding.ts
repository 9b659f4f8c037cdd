import * as vscode from 'vscode';
import type { Finding } from '../../core/logs/types';
import { explanationMarkdown } from '../findingDocument';
import type { FindingReference } from '../LogCodeActionProvider';
import type { LogServices } from './LogServices';

export interface OpenedExplanation {
  uri: vscode.Uri;
  markdown: string;
}

function isFindingReference(value: unknown): value is FindingReference {
  const v = value as Partial<FindingReference> | undefined;
  return typeof v?.uri === 'string' && typeof v.finding === 'object' && v.finding !== null && typeof v.finding.title === 'string';
}

/** The finding under the cursor of the active editor (the command run without arguments). */
function findingAtCursor(services: LogServices): FindingReference | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const line = editor.selection.active.line + 1;
  const here = services.diagnostics
    .findingsOf(editor.document.uri)
    .map((p) => p.finding)
    .filter((f: Finding) => line >= f.line && line <= f.endLine);
  return here[0] ? { uri: editor.document.uri.toString(), finding: here[0] } : undefined;
}

/**
 * Opens a read-only explanation of a finding beside the log: what happened (the record),
 * likely cause, fix, ready-made remediation, related lines (links), reference.
 */
export async function explainFinding(services: LogServices, arg?: unknown): Promise<OpenedExplanation | undefined> {
  const ref = isFindingReference(arg) ? arg : findingAtCursor(services);
  if (!ref) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a line with an SCCM finding to explain it.'));
    return undefined;
  }
  const logUri = vscode.Uri.parse(ref.uri);
  const store = services.tracker.get(logUri)?.analysis?.store;
  const index = ref.finding.recordIndex;
  const entry = store && index >= 0 && index < store.recordCount ? store.entry(index) : undefined;
  const markdown = explanationMarkdown(logUri, ref.finding, entry);
  const uri = services.findingDocuments.add(ref.finding.title, markdown);
  // The markdown text, not the rendered preview: the preview of VS Code for the web drops file:
  // links and never runs command links, and the related lines must stay clickable (Ctrl+Click).
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return { uri, markdown };
}
