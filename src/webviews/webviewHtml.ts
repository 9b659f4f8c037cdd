/**
 * The HTML page of every webview, built from plain values. No `vscode` import: the page
 * (CSP, the localisation bundle block) is unit-tested; WebviewPanelBase gathers the values.
 */

/** The id of the JSON block holding the UI text bundle (the webview's `t` reads it). */
export const L10N_BUNDLE_ELEMENT_ID = 'l10n-bundle';

/** Translations by English message, as `vscode.l10n.bundle` gives them (undefined for English). */
export type L10nBundle = Readonly<Record<string, string>>;

export interface WebviewPage {
  /** The display language (`vscode.env.language`). */
  language: string;
  cspSource: string;
  nonce: string;
  /** The webview-side URIs of the codicon stylesheet, the bundle's stylesheet and its script. */
  codiconHref: string;
  styleHref: string;
  scriptHref: string;
  title: string;
  bundleName: string;
  l10nBundle: L10nBundle | undefined;
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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The bundle as a `<script type="application/json">` block: a data block is never run, so the
 * CSP needs no change. Translations are data from outside the extension: `<` (and `>`, `&`) become
 * `\u003c`-style escapes, so no value can end the block (`</script>`) or open a comment (`<!--`);
 * JSON.parse reads them back unchanged.
 */
export function l10nBundleScript(bundle: L10nBundle | undefined): string {
  const strings = Object.fromEntries(Object.entries(bundle ?? {}).filter(([, value]) => typeof value === 'string'));
  const json = JSON.stringify(strings).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${L10N_BUNDLE_ELEMENT_ID}">${json}</script>`;
}

export function webviewHtml(page: WebviewPage): string {
  const { nonce } = page;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="vscode-codicon-stylesheet" rel="stylesheet" nonce="${nonce}" href="${page.codiconHref}">
<link rel="stylesheet" nonce="${nonce}" href="${page.styleHref}">
<title>${escapeHtml(page.title)}</title>
${l10nBundleScript(page.l10nBundle)}
</head>
<body>
<div id="app" data-bundle="${escapeHtml(page.bundleName)}"></div>
<script nonce="${nonce}" src="${page.scriptHref}"></script>
</body>
</html>`;
}
