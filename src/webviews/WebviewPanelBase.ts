import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { runAction } from '../platform/runAction';

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

/** The content security policy of every webview: nothing but our own bundle, styles and font. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: WebviewBundle): string {
  const nonce = createNonce();
  const root = webviewRoot(extensionUri);
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="vscode-codicon-stylesheet" rel="stylesheet" nonce="${nonce}" href="${asset('codicon.css')}">
<link rel="stylesheet" nonce="${nonce}" href="${asset(`${bundle.name}.css`)}">
<title>${escapeHtml(bundle.title)}</title>
</head>
<body>
<div id="app" data-bundle="${escapeHtml(bundle.name)}"></div>
<script nonce="${nonce}" src="${asset(`${bundle.name}.js`)}"></script>
</body>
</html>`;
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
