import * as vscode from 'vscode';
import { SITE_DOCUMENT_SCHEME } from '../constants';
import { DisposableStore } from '../platform/lifecycle';

/**
 * Serves the read-only Markdown documents the site commands open (`sccm-site:/<site>/...md`).
 * A virtual document cannot be edited or saved, and closing it asks nothing.
 */
export class SiteDocumentProvider extends DisposableStore implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(SITE_DOCUMENT_SCHEME, this));
    // Forget a document's text once its editor is closed and the document is dropped.
    this.register(vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === SITE_DOCUMENT_SCHEME && this.contents.delete(d.uri.toString())));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Publishes `markdown` under a readable path and opens it as Markdown in a read-only editor. */
  async show(pathSegments: string[], markdown: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: SITE_DOCUMENT_SCHEME, path: `/${pathSegments.map((s) => s.replace(/[/\\]/g, '_')).join('/')}.md` });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const md = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    return vscode.window.showTextDocument(md, { preview: true });
  }
}
