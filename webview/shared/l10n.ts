/**
 * The webviews' UI text, as `vscode.l10n.t` does it in the extension: the English message is
 * the key, `{0}`-style placeholders, English when the bundle lacks the message. The extension
 * host writes the bundle into the page (a JSON block, see src/webviews/webviewHtml.ts), so the
 * first render is already translated; `scripts/l10n.mjs` collects the literal `t('…')` calls.
 * No DOM types here: the unit tests run this in plain Node.
 */
import { L10N_BUNDLE_ELEMENT_ID, type L10nBundle } from '../../src/webviews/webviewHtml';

/** What `t` needs of the page (the document, or a stand-in in tests). */
export interface BundleSource {
  getElementById(id: string): { textContent: string | null } | null;
}

export type Translate = (message: string, ...args: (string | number)[]) => string;

const PLACEHOLDER = /{([^}]+)}/g;

/**
 * Fills `{0}`, `{1}`… from `args` in one pass (an argument's own braces stay as they are).
 * A placeholder without an argument stays in the text; no arguments at all leave the message as is.
 */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  if (args.length === 0) return template;
  return template.replace(PLACEHOLDER, (match, index: string) => {
    const value = /^\d+$/.test(index) ? args[Number(index)] : undefined;
    return value === undefined ? match : String(value);
  });
}

/** The bundle of the page; `{}` (English) when there is none or it is not a JSON object of strings. */
export function readBundle(source: BundleSource | undefined): L10nBundle {
  const text = source?.getElementById(L10N_BUNDLE_ELEMENT_ID)?.textContent;
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export function translator(bundle: L10nBundle): Translate {
  return (message, ...args) => formatMessage(Object.hasOwn(bundle, message) ? bundle[message] : message, args);
}

/** The page's translator, read from the page once (a page keeps its document; a test may swap it). */
let page: { source: BundleSource | undefined; translate: Translate } | undefined;

/** The UI text of `message` in the display language (English without a bundle). */
export function t(message: string, ...args: (string | number)[]): string {
  const source = (globalThis as { document?: BundleSource }).document;
  if (!page || page.source !== source) page = { source, translate: translator(readBundle(source)) };
  return page.translate(message, ...args);
}
