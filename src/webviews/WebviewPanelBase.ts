import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { runAction } from '../platform/runAction';
import { webviewHtml } from './webviewHtml';

export { contentSecurityPolicy } from './webviewHtml';

/** The bundles a webview loads: `dist/webview/<name>.js` and, when it imports CSS, `<name>.css`. */
export interface WebviewBundle {
  name: string;
  title: string;
}

/** Scripts, styles and the codicon font come from here only. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [webviewRoot(extensionUri)],
    // State lives in vscode.setState and the extension: no hidden webview kept in memory.
    retainContextWhenHidden: false,
    enableFindWidget: false,
  };
}

export function createNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

/** The page: the CSP, our bundle and the UI text bundle of the display language (read synchronously at load). */
export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: WebviewBundle): string {
  const root = webviewRoot(extensionUri);
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  return webviewHtml({
    language: vscode.env.language,
    cspSource: webview.cspSource,
    nonce: createNonce(),
    codiconHref: asset('codicon.css'),
    styleHref: asset(`${bundle.name}.css`),
    scriptHref: asset(`${bundle.name}.js`),
    title: bundle.title,
    bundleName: bundle.name,
    l10nBundle: vscode.l10n.bundle,
  });
}

/**
 * A webview panel with the project's rules: CSP with a nonce, resources from dist/webview
 * only, no retained context, typed messages that are validated on arrival (invalid ones
 * are logged and dropped) and handled through runAction's error policy.
 */
export abstract class WebviewPanelBase<Request extends { type: string }, Event extends { type: string }> extends DisposableStore {
  private disposedPanel = false;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly extensionUri: vscode.Uri,
    bundle: WebviewBundle,
    private readonly parseRequest: (value: unknown) => Request | undefined,
    protected readonly logger: Logger,
  ) {
    super();
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, bundle);
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.handleRaw(raw)));
    this.register(
      panel.onDidDispose(() => {
        this.disposedPanel = true;
        this.dispose();
      }),
    );
  }

  get isDisposed(): boolean {
    return this.disposedPanel;
  }

  protected abstract onMessage(request: Request): Promise<void>;

  protected post(event: Event): void {
    if (this.disposedPanel) return;
    void this.panel.webview.postMessage(event).then(undefined, () => undefined);
  }

  private handleRaw(raw: unknown): void {
    const request = this.parseRequest(raw);
    if (!request) {
      this.logger.warn(`${this.panel.viewType}: dropped a message that is not part of the protocol`);
      return;
    }
    void runAction(this.logger, `${this.panel.title}: ${request.type}`, () => this.onMessage(request));
  }

  override dispose(): void {
    super.dispose();
    if (!this.disposedPanel) {
      this.disposedPanel = true;
      this.panel.dispose();
    }
  }
}
