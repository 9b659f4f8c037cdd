import * as vscode from 'vscode';
import { LogCommands, type LogCommandId } from '../constants';
import type { Logger } from '../platform/logger';
import { runAction } from '../platform/runAction';
import { ScriptedUserInput, VsCodeUserInput, type UserInput } from '../platform/userInput';
import { explainFinding } from './commands/explainFinding';
import type { LogServices } from './commands/LogServices';
import { lookUpErrorCode } from './commands/lookUpErrorCode';
import { goToError } from './commands/navigateErrors';
import { copyRemediation, openReference, scanWorkspace, toggleAnnotations } from './commands/simpleCommands';
import { FindingDocuments } from './findingDocument';
import { LogAnnotations } from './LogAnnotations';
import { LogCodeActionProvider } from './LogCodeActionProvider';
import { LogDiagnostics } from './LogDiagnostics';
import { LogDocumentTracker } from './LogDocumentTracker';
import { LogHoverProvider } from './LogHoverProvider';
import { LogRecognizer } from './logLanguage';
import { LogSettings } from './LogSettings';
import { LogStatusBar } from './LogStatusBar';
import { LogTail } from './LogTail';
import { createLogsTestingApi, type LogsTestingApi } from './testingApi';
import { WorkspaceLogScanner } from './WorkspaceLogScanner';

type Handler = (services: LogServices, ...args: unknown[]) => Promise<unknown>;

/** The log viewer's command is registered with the other webviews (src/webviews/registerWebviews.ts). */
type EditorCommandId = Exclude<LogCommandId, typeof LogCommands.openViewer>;

const HANDLERS: Record<EditorCommandId, { title: () => string; run: Handler }> = {
  [LogCommands.lookUpErrorCode]: { title: () => vscode.l10n.t('Look Up Error Code'), run: (s, code) => lookUpErrorCode(s, code) },
  [LogCommands.nextError]: { title: () => vscode.l10n.t('Next Error in Log'), run: (s) => goToError(s, 1) },
  [LogCommands.previousError]: { title: () => vscode.l10n.t('Previous Error in Log'), run: (s) => goToError(s, -1) },
  [LogCommands.toggleAnnotations]: { title: () => vscode.l10n.t('Toggle Inline Annotations'), run: (s) => toggleAnnotations(s) },
  [LogCommands.scanWorkspace]: { title: () => vscode.l10n.t('Scan Workspace Logs'), run: (s) => scanWorkspace(s) },
  [LogCommands.explainFinding]: { title: () => vscode.l10n.t('Explain Finding'), run: (s, ref) => explainFinding(s, ref) },
  [LogCommands.copyRemediation]: { title: () => vscode.l10n.t('Copy Remediation'), run: (s, remediation) => copyRemediation(s, remediation) },
  [LogCommands.openReference]: { title: () => vscode.l10n.t('Open Reference'), run: (s, url) => openReference(s, url) },
};

/**
 * SCCM logs in the editor: recognition by content, Problems, annotations, hovers, quick
 * fixes, live tail, status bar and the log commands. Works in untrusted workspaces:
 * reading a log runs nothing. Returns test hooks when SCCM_TEST_RUN=1.
 */
export function registerLogFeatures(context: vscode.ExtensionContext, logger: Logger): { testing: LogsTestingApi | undefined } {
  const push = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const settings = push(new LogSettings());
  const tracker = push(new LogDocumentTracker(settings, logger));
  const diagnostics = push(new LogDiagnostics(tracker, settings));
  const annotations = push(new LogAnnotations(tracker, settings, context.extensionUri));
  const statusBar = push(new LogStatusBar(tracker));
  const findingDocuments = push(new FindingDocuments());
  push(new LogTail(tracker, settings, logger));
  const scanner = push(new WorkspaceLogScanner(tracker, settings, logger));
  const scripted = process.env.SCCM_TEST_RUN === '1' ? new ScriptedUserInput() : undefined;
  const ui: UserInput = scripted ?? new VsCodeUserInput();
  const services: LogServices = { logger, settings, tracker, diagnostics, annotations, findingDocuments, scanner, ui };

  // Every document: hovers and quick fixes answer only for logs the tracker recognised.
  const everyDocument: vscode.DocumentSelector = [{ scheme: '*' }];
  push(vscode.languages.registerHoverProvider(everyDocument, new LogHoverProvider(tracker, diagnostics, logger)));
  push(
    vscode.languages.registerCodeActionsProvider(everyDocument, new LogCodeActionProvider(diagnostics), {
      providedCodeActionKinds: LogCodeActionProvider.kinds,
    }),
  );
  for (const [id, handler] of Object.entries(HANDLERS) as Array<[EditorCommandId, (typeof HANDLERS)[EditorCommandId]]>) {
    push(vscode.commands.registerCommand(id, (...args: unknown[]) => runAction(logger, handler.title(), () => handler.run(services, ...args))));
  }
  // Recognition last: documents already open are recognised once everything listens.
  const recognizer = push(new LogRecognizer(tracker, logger));
  return { testing: scripted ? createLogsTestingApi(tracker, recognizer, annotations, statusBar, scripted) : undefined };
}
