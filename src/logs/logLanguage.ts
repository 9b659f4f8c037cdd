import * as vscode from 'vscode';
import { SCCM_LOG_LANGUAGE_ID } from '../constants';
import { usesSccmLogLanguage } from '../core/logs/editor/sniff';
import type { LogFormat } from '../core/logs/types';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import type { LogDocumentTracker } from './LogDocumentTracker';
import { sniffDocument, sniffUri } from './logSniffing';
import { isAnalysableScheme, isDiskFile, uriKey } from './logUris';

/** Languages a log file opens with (by extension or none); anything else is a source file, not a log. */
const LOG_LIKE_LANGUAGES: ReadonlySet<string> = new Set(['log', 'Log', 'plaintext', SCCM_LOG_LANGUAGE_ID]);
/** Collapses the close/open pair a language switch fires, and bursts of tab changes. */
const RECONCILE_DELAY_MS = 30;
/** Short texts are sniffed again when they change: a log being created decides later. */
const RESNIFF_BELOW_CHARS = 4096;

interface OpenLog {
  uri: vscode.Uri;
  document: vscode.TextDocument | undefined;
}

function isCandidate(doc: vscode.TextDocument): boolean {
  return isAnalysableScheme(doc.uri) && (LOG_LIKE_LANGUAGES.has(doc.languageId) || /\.lo[g_]$/i.test(doc.uri.path));
}

/**
 * Recognises SCCM logs by content, whatever their name (`.log`, `.lo_`, `.txt`, none):
 * CMTrace and legacy logs get the `sccm-log` language, every SCCM format gets findings,
 * and an ordinary `.log` is left alone. Open documents and editor tabs (VS Code does not
 * give files over 50 MB to extensions, but their tabs are known) both count as open.
 */
export class LogRecognizer extends DisposableStore {
  /** Format per URI once decided; null = not an SCCM log. */
  private readonly verdicts = new Map<string, LogFormat | null>();
  /** URIs whose language was set while open: a person who changes it back keeps their choice until closing. */
  private readonly switchedLanguage = new Set<string>();
  private readonly switching = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly tracker: LogDocumentTracker,
    private readonly logger: Logger,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument(() => this.schedule()));
    this.register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.verdicts.get(uriKey(doc.uri)) === null) this.verdicts.delete(uriKey(doc.uri));
        this.schedule();
      }),
    );
    this.register(vscode.window.tabGroups.onDidChangeTabs(() => this.schedule()));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const key = uriKey(e.document.uri);
        if (this.verdicts.has(key) || !isCandidate(e.document)) return;
        this.schedule();
      }),
    );
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    this.schedule();
  }

  /** Resolves once the documents and tabs open now have been recognised (for tests). */
  async whenSettled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.reconcile();
    }
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reconcile();
    }, RECONCILE_DELAY_MS);
  }

  private async reconcile(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.reconcileOnce();
        } catch (err) {
          this.logger.error('Recognising SCCM logs', err);
        }
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private openLogs(): Map<string, OpenLog> {
    const open = new Map<string, OpenLog>();
    for (const doc of vscode.workspace.textDocuments) if (isCandidate(doc)) open.set(uriKey(doc.uri), { uri: doc.uri, document: doc });
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (!(tab.input instanceof vscode.TabInputText)) continue;
        const uri = tab.input.uri;
        const key = uriKey(uri);
        // A tab without a document: a file too big for VS Code to give to extensions. Only disk files can be sniffed cheaply.
        const hasDocument = vscode.workspace.textDocuments.some((d) => uriKey(d.uri) === key);
        if (!open.has(key) && !hasDocument && isDiskFile(uri)) open.set(key, { uri, document: undefined });
      }
    }
    for (const key of this.switching) if (!open.has(key)) open.set(key, { uri: vscode.Uri.parse(key), document: undefined });
    return open;
  }

  private async reconcileOnce(): Promise<void> {
    const open = this.openLogs();
    for (const [key, entry] of open) {
      const format = await this.verdict(key, entry);
      if (!format) continue;
      this.tracker.acquire(entry.uri, format, 'open');
      if (entry.document) this.maybeSwitchLanguage(key, entry.document, format);
    }
    for (const log of this.tracker.all()) {
      if (log.holders.has('open') && !open.has(log.key)) this.tracker.release(log.uri, 'open');
    }
    // Closed for good (a language change closes and reopens within one pass): set the language again next time.
    for (const key of this.switchedLanguage) if (!open.has(key)) this.switchedLanguage.delete(key);
  }

  private async verdict(key: string, entry: OpenLog): Promise<LogFormat | null> {
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    if (entry.document) {
      const format = sniffDocument(entry.document);
      if (format === undefined) return null;
      if (format !== null || entry.document.getText().length >= RESNIFF_BELOW_CHARS) this.verdicts.set(key, format);
      return format;
    }
    const format = await sniffUri(entry.uri);
    this.verdicts.set(key, format);
    return format;
  }

  private maybeSwitchLanguage(key: string, doc: vscode.TextDocument, format: LogFormat): void {
    if (!usesSccmLogLanguage(format) || doc.languageId === SCCM_LOG_LANGUAGE_ID || this.switchedLanguage.has(key)) return;
    this.switchedLanguage.add(key);
    this.switching.add(key);
    // setTextDocumentLanguage closes and reopens the document; `switching` keeps it counted as open meanwhile.
    void Promise.resolve(vscode.languages.setTextDocumentLanguage(doc, SCCM_LOG_LANGUAGE_ID))
      .catch((err: unknown) => this.logger.warn(`Could not set the language of ${doc.uri.toString(true)}: ${String(err)}`))
      .finally(() => {
        this.switching.delete(key);
        this.schedule();
      });
  }
}
