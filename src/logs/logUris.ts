import * as vscode from 'vscode';
import { FINDING_DOCUMENT_SCHEME, SITE_DOCUMENT_SCHEME } from '../constants';

/**
 * Schemes whose documents are never logs to analyse: editor internals, source-control
 * views of other versions, and the extension's own generated documents.
 */
const IGNORED_SCHEMES: ReadonlySet<string> = new Set([
  'output',
  'debug',
  'git',
  'gitfs',
  'vscode-scm',
  'comment',
  'vscode-notebook-cell',
  'vscode-interactive-input',
  'walkThrough',
  'walkThroughSnippet',
  'vscode-settings',
  'chat-editing-text-model',
  FINDING_DOCUMENT_SCHEME,
  SITE_DOCUMENT_SCHEME,
]);

export function isAnalysableScheme(uri: vscode.Uri): boolean {
  return !IGNORED_SCHEMES.has(uri.scheme);
}

/** Local files (and UNC shares) are read from disk; everything else through VS Code. */
export function isDiskFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file';
}

/**
 * The path the core knows a log by: the file system path for disk files (so related
 * locations read as paths), the URI string otherwise.
 */
export function logPathOf(uri: vscode.Uri): string {
  return isDiskFile(uri) ? uri.fsPath : uri.toString();
}

/** The URI of a path the core reported (`LogLocation.path`, `RecordStore.path`). */
export function uriOfLogPath(path: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path);
}

/** Map key of a URI. */
export function uriKey(uri: vscode.Uri): string {
  return uri.toString();
}

/** Base name of a URI's path. */
export function baseNameOf(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder a URI is in (logs of one folder are correlated together). */
export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}
