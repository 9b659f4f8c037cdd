/**
 * Escapes text from a log, a site or the knowledge base for VS Code Markdown (hovers, tooltips,
 * documents): data never becomes emphasis, a link, HTML, a table cell break or a `$(icon)`
 * (hovers render icons). Line breaks are kept, with list markers at a line start escaped;
 * `singleLine` folds them to spaces for table cells and inline text. No VS Code import, so the
 * tree's text helpers stay unit-testable.
 */
export function escapeMarkdown(text: string, options: { singleLine?: boolean } = {}): string {
  const escaped = text
    .replace(/[\\`*_{}[\]<>#|~&]/g, '\\$&')
    .replace(/\$\(/g, '\\$(')
    .replace(/^([+-])/gm, '\\$1');
  return options.singleLine ? escaped.replace(/\r?\n/g, ' ') : escaped;
}
