import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { SNIFF_BYTES, sniffBytes, sniffText } from '../core/logs/editor/sniff';
import type { LogFormat } from '../core/logs/types';
import { isDiskFile } from './logUris';

/** Lines of a document read to recognise it: enough for the detector's 64 KB sample. */
const SNIFF_LINES = 2000;

/**
 * The SCCM log format of an open document, null when it is no SCCM log, undefined while
 * it is still empty (a log being created: decide when text arrives).
 */
export function sniffDocument(doc: vscode.TextDocument): LogFormat | null | undefined {
  const end = Math.min(doc.lineCount, SNIFF_LINES);
  const text = doc.getText(new vscode.Range(0, 0, end, 0));
  if (text.trim().length === 0) return undefined;
  return sniffText(text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
}

/** The same for a resource that is not open (read from disk, or through VS Code for other schemes). */
export async function sniffUri(uri: vscode.Uri): Promise<LogFormat | null> {
  try {
    if (isDiskFile(uri)) {
      const handle = await fs.promises.open(uri.fsPath, 'r');
      try {
        const head = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
        return sniffBytes(head.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    return sniffBytes(bytes.subarray(0, SNIFF_BYTES));
  } catch {
    // Unreadable (deleted meanwhile, no permission, a folder): not a log to analyse.
    return null;
  }
}

/** Names of the files in a folder (not recursive). */
export async function filesInFolder(folder: vscode.Uri): Promise<string[]> {
  try {
    if (isDiskFile(folder)) {
      const entries = await fs.promises.readdir(folder.fsPath, { withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => e.name);
    }
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch {
    return [];
  }
}
