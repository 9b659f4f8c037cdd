/**
 * Text helpers shared by the tree and the site documents. They take a `Translate` function
 * (vscode.l10n.t in the extension) so they stay free of VS Code and can be unit-tested.
 */
import { escapeMarkdown as escapeMarkdownText } from '../platform/markdown';

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** `{0}`-style formatting, the same as vscode.l10n.t without a bundle. */
export const formatOnly: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

/** Site text placed inline in Markdown (names may hold `*`, `_`, `[`, `<`, `|`...), on one line. */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownText(text, { singleLine: true });
}

/** A Markdown table cell: escaped and never empty. */
export function cell(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  return t ? escapeMarkdown(t) : '—';
}

/** ISO UTC date as `2024-03-05 14:07:31 UTC`; null/invalid → undefined. */
export function formatUtc(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** SMS_Collection.RefreshType in the console's words. */
export function describeRefreshType(refreshType: number, t: Translate = formatOnly): string {
  switch (refreshType) {
    case 1:
      return t('Manual');
    case 2:
      return t('Scheduled');
    case 4:
      return t('Incremental');
    case 6:
      return t('Scheduled and incremental');
    default:
      return t('Unknown ({0})', refreshType);
  }
}

export function table(rows: ReadonlyArray<readonly [string, string]>, headers: readonly [string, string] = ['', '']): string {
  const lines = [`| ${headers[0]} | ${headers[1]} |`, '|---|---|'];
  for (const [k, v] of rows) lines.push(`| ${k} | ${v} |`);
  return lines.join('\n');
}
