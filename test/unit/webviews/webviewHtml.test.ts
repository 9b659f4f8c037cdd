import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { L10N_BUNDLE_ELEMENT_ID, l10nBundleScript, webviewHtml, type L10nBundle, type WebviewPage } from '../../../src/webviews/webviewHtml';
import { readBundle } from '../../../webview/shared/l10n';

const HOSTILE = '</script><script>alert(1)</script>';

function page(l10nBundle: L10nBundle | undefined, title = 'SCCM Log Viewer'): WebviewPage {
  return {
    language: 'de',
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'N0nce123',
    codiconHref: 'https://res/codicon.css',
    styleHref: 'https://res/logViewer.css',
    scriptHref: 'https://res/logViewer.js',
    title,
    bundleName: 'logViewer',
    l10nBundle,
  };
}

/**
 * What an HTML parser makes of the bundle block: its text runs from the start tag to the first
 * `</script` followed by whitespace, `/` or `>` (any case). A `<!--` in it would switch the
 * tokenizer to the "escaped" states, where `<script` nests: the block must contain no `<` at all.
 */
function blockText(html: string): string {
  const start = `<script type="application/json" id="${L10N_BUNDLE_ELEMENT_ID}">`;
  const at = html.indexOf(start);
  assert.ok(at >= 0, 'the page has the bundle block');
  const rest = html.slice(at + start.length);
  const end = /<\/script[\s/>]/i.exec(rest);
  assert.ok(end, 'the bundle block is closed');
  const text = rest.slice(0, end.index);
  assert.ok(!text.includes('<'), `the block text has no "<": ${text}`);
  return text;
}

/** Every script start tag an HTML parser would see outside the bundle block's text. */
function scriptTags(html: string): string[] {
  const text = blockText(html);
  return html.replace(text, '').match(/<script\b[^>]*>/gi) ?? [];
}

/** A stand-in for the webview's document, holding the block text the parser produced. */
function documentWith(text: string): { getElementById(id: string): { textContent: string } | null } {
  return { getElementById: (id) => (id === L10N_BUNDLE_ELEMENT_ID ? { textContent: text } : null) };
}

describe('webviews: the page and its UI text bundle', () => {
  it('keeps a hostile translation inside the JSON block, and the webview reads it back unchanged', () => {
    const bundle = { 'Filter messages': HOSTILE, [HOSTILE]: 'x', 'Findings ({0})': '<!--<script>{0}</script>-->' };
    const html = webviewHtml(page(bundle));
    assert.deepEqual(scriptTags(html), [
      `<script type="application/json" id="${L10N_BUNDLE_ELEMENT_ID}">`,
      '<script nonce="N0nce123" src="https://res/logViewer.js">',
    ]);
    assert.deepEqual(readBundle(documentWith(blockText(html))), bundle);
  });

  it('cannot be broken out of by any bundle (keys and values with script, comment and CDATA fragments)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('</script>', '</SCRIPT >', '</script/', '<script>', '<!--', '-->', ']]>', '<![CDATA[', '\u2028', '"', '\\', '&lt;'),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), (entries) => {
        const bundle = Object.fromEntries(entries);
        const html = webviewHtml(page(bundle));
        assert.equal(scriptTags(html).length, 2);
        assert.deepEqual(readBundle(documentWith(blockText(html))), bundle);
      }),
      { numRuns: 300 },
    );
  });

  it('writes an empty bundle for English (vscode.l10n.bundle is undefined)', () => {
    assert.equal(l10nBundleScript(undefined), `<script type="application/json" id="${L10N_BUNDLE_ELEMENT_ID}">{}</script>`);
    assert.deepEqual(readBundle(documentWith(blockText(webviewHtml(page(undefined))))), {});
  });

  it('leaves out entries that are not strings (the webview falls back to English for them)', () => {
    const odd = { Clear: 'Löschen', Timeline: 42 } as unknown as L10nBundle;
    assert.deepEqual(readBundle(documentWith(blockText(webviewHtml(page(odd))))), { Clear: 'Löschen' });
  });

  it('keeps the content security policy: only nonce’d scripts, nothing inline allowed', () => {
    const html = webviewHtml(page({ Clear: 'Löschen' }));
    const policy =
      "default-src 'none'; script-src 'nonce-N0nce123'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-N0nce123'; " +
      'font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:';
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy}">`));
    assert.ok(!html.includes('unsafe-inline'));
    // The bundle is in the page before the script that reads it.
    assert.ok(html.indexOf(L10N_BUNDLE_ELEMENT_ID) < html.indexOf('logViewer.js'));
  });

  it('escapes the title and the language', () => {
    const html = webviewHtml({ ...page({}, `</title>${HOSTILE}`), language: '"><script>' });
    assert.equal(scriptTags(html).length, 2);
    assert.ok(html.includes('<title>&#60;/title&#62;&#60;/script&#62;'));
  });
});
