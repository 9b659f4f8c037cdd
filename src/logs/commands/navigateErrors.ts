import * as vscode from 'vscode';
import { findErrorRecord } from '../../core/logs/editor/errorNavigation';
import type { LogServices } from './LogServices';

const STATUS_MESSAGE_MS = 4000;

/** Where the cursor went (for tests), or undefined when it did not move. */
export interface ErrorJump {
  /** 1-based line of the error record. */
  line: number;
  wrapped: boolean;
}

/**
 * "SCCM: Next/Previous Error in Log": moves to the next (previous) record the log itself
 * marks as an error (CMTrace type 3, Panther Error, ...), coming round at the end.
 */
export async function goToError(services: LogServices, direction: 1 | -1): Promise<ErrorJump | undefined> {
  const editor = vscode.window.activeTextEditor;
  const log = editor ? services.tracker.get(editor.document.uri) : undefined;
  if (!editor || !log) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an SCCM log to move between its errors.'));
    return undefined;
  }
  await log.loaded;
  const analysis = log.analysis;
  if (!analysis) return undefined;
  const target = findErrorRecord(analysis.store, editor.selection.active.line + 1, direction);
  if (!target) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('This log has no error records.'), STATUS_MESSAGE_MS);
    return undefined;
  }
  const line = Math.min(target.line - 1, editor.document.lineCount - 1);
  const column = Math.min(analysis.store.entry(target.index).messageColumn, editor.document.lineAt(line).text.length);
  const position = new vscode.Position(line, column);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (target.wrapped) {
    vscode.window.setStatusBarMessage(
      direction === 1 ? vscode.l10n.t('Passed the last error: back to the first one.') : vscode.l10n.t('Passed the first error: back to the last one.'),
      STATUS_MESSAGE_MS,
    );
  }
  return { line: target.line, wrapped: target.wrapped };
}
