import * as vscode from 'vscode';
import type { SccmWorkbenchApi } from '../../src/extension';

export const EXTENSION_ID = 'sccm-workbench.sccm-workbench';

export async function activateExtension(): Promise<SccmWorkbenchApi> {
  const ext = vscode.extensions.getExtension<SccmWorkbenchApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need the test workspace open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/**
 * Waits for a webview to post its "ready" message. Now and then the browser hosting the
 * workbench (code-server in headless Chromium) leaves a new webview frame blank when the
 * previous one was closed a moment before; a person would run "Developer: Reload Webviews",
 * and so does this, once. A webview that never says ready still fails the test.
 */
export async function waitForWebviewReady(what: string, view: { readonly webviewReady: boolean; readonly isDisposed: boolean }): Promise<void> {
  const check = (): true | undefined => {
    if (view.isDisposed) throw new Error(`${what} was closed before its webview loaded`);
    return view.webviewReady ? true : undefined;
  };
  try {
    await waitFor(`${what} to say ready`, check, 15000);
  } catch {
    if (view.isDisposed) throw new Error(`${what} was closed before its webview loaded`);
    console.log(`  (${what}: no "ready" after 15 s; reloading the webviews once)`);
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await waitFor(`${what} to say ready after "Reload Webviews"`, check, 20000);
  }
}
