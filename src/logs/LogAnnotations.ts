import * as vscode from 'vscode';
import { messageEndColumn } from '../core/logs/editor/lineLayout';
import type { Finding, Severity } from '../core/logs/types';
import { DisposableStore } from '../platform/lifecycle';
import { bySeverity, inlineHint } from './findingText';
import type { LogDocumentTracker } from './LogDocumentTracker';
import type { LogSettings } from './LogSettings';
import { uriKey } from './logUris';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Decorating more lines than this slows the editor down and helps nobody. */
const MAX_DECORATED_LINES = 5000;
const REFRESH_DELAY_MS = 50;

const RULER_COLOR: Readonly<Record<Severity, string>> = {
  error: 'editorOverviewRuler.errorForeground',
  warning: 'editorOverviewRuler.warningForeground',
  info: 'editorOverviewRuler.infoForeground',
};

/** How many decorations of each kind an editor shows (for tests and the toggle). */
export interface AnnotationCounts {
  inline: number;
  gutter: number;
  overviewRuler: number;
}

/**
 * Annotations of the findings in visible SCCM log editors: a short hint after the message
 * of each finding line, a gutter icon and an overview-ruler mark by severity. Decoration types are created
 * once; each kind follows its setting, and `toggle` hides or shows them all.
 */
export class LogAnnotations extends DisposableStore {
  private readonly inline: vscode.TextEditorDecorationType;
  private readonly gutter: Record<Severity, vscode.TextEditorDecorationType>;
  private readonly ruler: Record<Severity, vscode.TextEditorDecorationType>;
  private readonly applied = new Map<string, AnnotationCounts>();
  private hidden = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tracker: LogDocumentTracker,
    private readonly settings: LogSettings,
    extensionUri: vscode.Uri,
  ) {
    super();
    this.inline = this.register(
      vscode.window.createTextEditorDecorationType({
        after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 1.5em 0 1.5em', fontStyle: 'italic' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
    const icon = (severity: Severity, theme: 'light' | 'dark'): vscode.Uri =>
      vscode.Uri.joinPath(extensionUri, 'media', theme === 'dark' ? `gutter-${severity}.svg` : `gutter-${severity}-light.svg`);
    this.gutter = this.bySeverity((s) =>
      vscode.window.createTextEditorDecorationType({
        light: { gutterIconPath: icon(s, 'light'), gutterIconSize: '80%' },
        dark: { gutterIconPath: icon(s, 'dark'), gutterIconSize: '80%' },
      }),
    );
    this.ruler = this.bySeverity((s) =>
      vscode.window.createTextEditorDecorationType({
        overviewRulerColor: new vscode.ThemeColor(RULER_COLOR[s]),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
      }),
    );
    this.register(tracker.onDidChangeFindings(() => this.schedule()));
    this.register(tracker.onDidRemoveLog(() => this.schedule()));
    this.register(settings.onDidChange(() => this.schedule()));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    this.schedule();
  }

  /** Hides every annotation, or shows them again as the settings say; returns whether they are shown. */
  toggle(): boolean {
    this.hidden = !this.hidden;
    this.refresh();
    return !this.hidden;
  }

  get visible(): boolean {
    return !this.hidden;
  }

  /** What the visible editor of `uri` shows now; undefined when no editor shows it. */
  countsFor(uri: vscode.Uri): AnnotationCounts | undefined {
    return this.applied.get(uriKey(uri));
  }

  private bySeverity(create: (s: Severity) => vscode.TextEditorDecorationType): Record<Severity, vscode.TextEditorDecorationType> {
    const types = {} as Record<Severity, vscode.TextEditorDecorationType>;
    for (const s of SEVERITIES) types[s] = this.register(create(s));
    return types;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Redraws the annotations of every visible editor now. */
  refresh(): void {
    this.applied.clear();
    for (const editor of vscode.window.visibleTextEditors) this.decorate(editor);
  }

  private decorate(editor: vscode.TextEditor): void {
    const log = this.tracker.get(editor.document.uri);
    const findings = log?.published && log.analysis ? log.analysis.findings : [];
    const format = log?.analysis?.format ?? log?.sniffedFormat ?? 'plain';
    const show = !this.hidden;
    const lines = groupByLine(findings, editor.document.lineCount);
    const inline: vscode.DecorationOptions[] = [];
    const gutter: Record<Severity, vscode.Range[]> = { error: [], warning: [], info: [] };
    const ruler: Record<Severity, vscode.Range[]> = { error: [], warning: [], info: [] };
    for (const [line, onLine] of lines) {
      const top = onLine[0];
      const text = editor.document.lineAt(line).text;
      const end = new vscode.Position(line, messageEndColumn(text, format));
      const more = onLine.length > 1 ? ` ${vscode.l10n.t('(+{0} more)', onLine.length - 1)}` : '';
      inline.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: `${inlineHint(top)}${more}` } } });
      gutter[top.severity].push(new vscode.Range(line, 0, line, 0));
      ruler[top.severity].push(new vscode.Range(line, 0, line, 0));
    }
    const showInline = show && this.settings.inlineAnnotations;
    const showGutter = show && this.settings.gutterAnnotations;
    const showRuler = show && this.settings.overviewRulerAnnotations;
    editor.setDecorations(this.inline, showInline ? inline : []);
    for (const s of SEVERITIES) {
      editor.setDecorations(this.gutter[s], showGutter ? gutter[s] : []);
      editor.setDecorations(this.ruler[s], showRuler ? ruler[s] : []);
    }
    if (log) {
      const count = (on: boolean, ranges: Record<Severity, vscode.Range[]>): number => (on ? SEVERITIES.reduce((n, s) => n + ranges[s].length, 0) : 0);
      this.applied.set(log.key, { inline: showInline ? inline.length : 0, gutter: count(showGutter, gutter), overviewRuler: count(showRuler, ruler) });
    }
  }
}

/** Findings by 0-based line (most severe first on each), limited to the document and to MAX_DECORATED_LINES. */
function groupByLine(findings: readonly Finding[], lineCount: number): Map<number, Finding[]> {
  const lines = new Map<number, Finding[]>();
  for (const finding of [...findings].sort(bySeverity)) {
    const line = finding.line - 1;
    if (line < 0 || line >= lineCount) continue;
    const list = lines.get(line);
    if (list) list.push(finding);
    else if (lines.size < MAX_DECORATED_LINES) lines.set(line, [finding]);
  }
  return lines;
}
