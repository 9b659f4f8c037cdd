import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LogsTestingApi } from '../../src/logs/testingApi';
import { activateExtension, waitFor, workspaceFile } from './helpers';

export async function logsTesting(): Promise<LogsTestingApi> {
  const api = await activateExtension();
  const logs = api.testing?.logs;
  if (!logs) throw new Error('the logs test API is missing: is SCCM_TEST_RUN=1 set by the harness?');
  return logs;
}

export function logFixture(...parts: string[]): vscode.Uri {
  return workspaceFile('logs', ...parts);
}

/** The document open for a URI now (a language switch replaces the document object). */
export function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a log (in an editor when `show`) and waits until the extension has recognised and read it. */
export async function openLog(api: LogsTestingApi, uri: vscode.Uri, show = false): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  await api.whenIdle();
  return documentOf(uri) ?? doc;
}

/** Shows the log in the active editor (after any language switch) and returns that editor. */
export async function showLog(api: LogsTestingApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  await openLog(api, uri, true);
  const doc = await waitFor(`${uri.path} recognised as SCCM log`, () => (api.logState(uri)?.records ? documentOf(uri) : undefined));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await api.whenIdle();
  return editor;
}

/** The SCCM diagnostics of a URI once there are at least `min` of them. */
export async function sccmDiagnostics(uri: vscode.Uri, min = 1, timeoutMs = 10000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${min}+ SCCM diagnostics on ${uri.path}`,
    () => {
      const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'SCCM');
      return list.length >= min ? list : undefined;
    },
    timeoutMs,
  );
}

export function codeValue(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function codeTarget(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? d.code.target.toString() : undefined;
}

/** The diagnostic made from a knowledge-base signature. */
export function byRule(list: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic {
  const found = list.find((d) => codeValue(d) === rule);
  assert.ok(found, `no diagnostic for ${rule} in: ${list.map((d) => `${d.range.start.line + 1}:${codeValue(d)}`).join(', ')}`);
  return found;
}

/** The text of a hover's contents. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
