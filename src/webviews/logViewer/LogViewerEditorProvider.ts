import type * as vscode from 'vscode';
import { LogViewerPanel, type LogViewerServices } from './LogViewerPanel';

/** The custom editor only needs the URI: the panel streams the file itself. */
class LogViewerDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void {
    // nothing held: each editor's panel owns its parser and tail
  }
}

/**
 * "SCCM Log Viewer" in "Reopen Editor With…" for any .log / .lo_ (package.json
 * `customEditors`, priority option). Read-only: the viewer never writes the log.
 */
export class LogViewerEditorProvider implements vscode.CustomReadonlyEditorProvider<LogViewerDocument> {
  constructor(private readonly services: LogViewerServices) {}

  openCustomDocument(uri: vscode.Uri): LogViewerDocument {
    return new LogViewerDocument(uri);
  }

  resolveCustomEditor(document: LogViewerDocument, panel: vscode.WebviewPanel): void {
    new LogViewerPanel(panel, [document.uri], this.services);
  }
}
