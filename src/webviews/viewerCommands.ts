import * as vscode from 'vscode';
import { SCCM_LOG_LANGUAGE_ID } from '../constants';
import { UserCancelledError } from '../platform/runAction';

const LOG_FILTERS = { [vscode.l10n.t('Logs')]: ['log', 'lo_'], [vscode.l10n.t('All files')]: ['*'] };

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

/** The URIs a command was invoked on: explorer multi-selection, one resource, or none. */
export function urisFromArgs(uri: unknown, uris: unknown): vscode.Uri[] {
  if (Array.isArray(uris) && uris.length && uris.every(isUri)) return uris;
  if (isUri(uri)) return [uri];
  if (Array.isArray(uri) && uri.every(isUri)) return uri;
  return [];
}

function looksLikeLog(uri: vscode.Uri, languageId?: string): boolean {
  return languageId === SCCM_LOG_LANGUAGE_ID || languageId === 'log' || /\.lo[g_]$/i.test(uri.path);
}

/** The log in the active editor: a text editor, or a custom editor tab, showing a log. */
export function activeLogUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.uri.scheme !== 'output' && looksLikeLog(doc.uri, doc.languageId)) return doc.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if ((input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) && looksLikeLog(input.uri)) return input.uri;
  return undefined;
}

export async function pickLogs(title: string, many: boolean): Promise<vscode.Uri[]> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: many, canSelectFiles: true, canSelectFolders: false, filters: LOG_FILTERS, openLabel: title });
  if (!picked?.length) throw new UserCancelledError();
  return picked;
}

/** "Open Log Viewer": the given log(s), else the active log, else a picked file. Several → merged. */
export async function logsToOpen(uri: unknown, uris: unknown): Promise<vscode.Uri[]> {
  const given = urisFromArgs(uri, uris);
  if (given.length) return given;
  const active = activeLogUri();
  if (active) return [active];
  return pickLogs(vscode.l10n.t('Open Log Viewer'), false);
}

/** "Merge Logs…": the explorer selection, else picked files (the active log is offered first). */
export async function logsToMerge(uri: unknown, uris: unknown): Promise<vscode.Uri[]> {
  const given = urisFromArgs(uri, uris);
  if (given.length > 1) return given;
  const picked = await pickLogs(vscode.l10n.t('Merge Logs'), true);
  const first = given[0] ?? activeLogUri();
  return first && !picked.some((p) => p.toString() === first.toString()) ? [first, ...picked] : picked;
}

/** "Show Task Sequence Timeline": the given smsts.log, else the active one, else a picked file. */
export async function logForTimeline(uri: unknown): Promise<vscode.Uri> {
  const given = urisFromArgs(uri, undefined)[0] ?? activeLogUri();
  if (given) return given;
  return (await pickLogs(vscode.l10n.t('Show Task Sequence Timeline'), false))[0];
}
