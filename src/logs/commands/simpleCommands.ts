import * as vscode from 'vscode';
import type { Remediation } from '../../core/logs/types';
import type { ScanSummary } from '../WorkspaceLogScanner';
import type { LogServices } from './LogServices';

function isRemediation(value: unknown): value is Remediation {
  const v = value as Partial<Remediation> | undefined;
  return typeof v?.text === 'string' && typeof v.label === 'string';
}

/** Copies a ready-made remediation (registry value, PowerShell, note) to the clipboard. */
export async function copyRemediation(_services: LogServices, arg?: unknown): Promise<string | undefined> {
  if (!isRemediation(arg)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Use the quick fixes of an SCCM finding to copy its remediation.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(arg.text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', arg.label), 4000);
  return arg.text;
}

/** Opens a finding's reference page in the browser (http and https links only). */
export async function openReference(_services: LogServices, arg?: unknown): Promise<boolean> {
  if (typeof arg !== 'string' || !/^https?:\/\//i.test(arg)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Use the quick fixes of an SCCM finding to open its reference.'));
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(arg));
}

/** Hides or shows every inline hint, gutter icon and ruler mark (the settings choose which kinds). */
export async function toggleAnnotations(services: LogServices): Promise<boolean> {
  const visible = services.annotations.toggle();
  vscode.window.setStatusBarMessage(visible ? vscode.l10n.t('SCCM log annotations shown') : vscode.l10n.t('SCCM log annotations hidden'), 3000);
  return visible;
}

/** Scans every SCCM log of the workspace once. */
export async function scanWorkspace(services: LogServices): Promise<ScanSummary> {
  const summary = await services.scanner.scanWithProgress();
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Scanned {0} files: {1} SCCM logs with {2} findings (see the Problems panel).', summary.files, summary.logs, summary.findings),
  );
  return summary;
}
