import * as vscode from 'vscode';
import { Views } from '../constants';
import { DisposableStore } from '../platform/lifecycle';
import { escapeMarkdown } from '../tree/text';
import type { SiteConnection, SiteConnections } from './SiteConnections';

/** Status bar text for the connected sites: `$(server) PS1 · Lab`, or a count when there are many. */
export function statusText(connected: ReadonlyArray<{ name: string; siteCode: string }>, connecting: number): string | undefined {
  if (connected.length === 0) return connecting > 0 ? '$(loading~spin) SCCM' : undefined;
  if (connected.length <= 2) return `$(server) ${connected.map((c) => `${c.siteCode} · ${c.name}`).join(', ')}`;
  return `$(server) ${vscode.l10n.t('{0} sites', connected.length)}`;
}

/** Shows which sites are connected; clicking focuses the Sites view. */
export class SiteStatusBar extends DisposableStore {
  private readonly item = this.register(vscode.window.createStatusBarItem('sccm.sites.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly connections: SiteConnections) {
    super();
    this.item.name = vscode.l10n.t('SCCM Sites');
    this.item.command = `${Views.sites}.focus`;
    this.register(connections.onDidChangeState(() => this.update()));
    this.update();
  }

  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private update(): void {
    const all = this.connections.all();
    const connected = all.flatMap((c: SiteConnection) => (c.state.kind === 'connected' ? [{ name: c.entry.name, siteCode: c.state.info.siteCode, info: c.state.info }] : []));
    const connecting = all.filter((c) => c.state.kind === 'connecting').length;
    const text = statusText(connected, connecting);
    if (!text) {
      this.item.text = '';
      this.item.hide();
      return;
    }
    this.item.text = text;
    const lines = connected.map((c) => `- **${escapeMarkdown(c.name)}**: ${escapeMarkdown(c.siteCode)} (${escapeMarkdown(c.info.siteName)}) on ${escapeMarkdown(c.info.providerHost)}`);
    if (connecting) lines.push(vscode.l10n.t('Signing in to {0} site(s)…', connecting));
    const tooltip = new vscode.MarkdownString(`${vscode.l10n.t('SCCM sites connected')}\n\n${lines.join('\n')}`);
    this.item.tooltip = tooltip;
    this.item.show();
  }
}
