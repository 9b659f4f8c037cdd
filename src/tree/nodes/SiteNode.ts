import * as vscode from 'vscode';
import type { SiteBackend } from '../../core/site/contract';
import type { CollectionFolder } from '../../core/site/model';
import { WorkspaceUntrustedError } from '../../sites/connectionErrors';
import type { SiteConnection } from '../../sites/SiteConnections';
import type { SiteEntry } from '../../sites/siteEntry';
import { siteContextValue } from '../contextValue';
import { escapeMarkdown } from '../text';
import { TreeIds } from '../treeIds';
import { CollectionListing } from './CollectionListing';
import { folderChildren, type FolderNode } from './FolderNode';
import { failureNode, MessageNode } from './MessageNode';
import { NodeCache, SitesTreeNode, type PagedNode, type SiteScope, type TreeServices } from './SitesTreeNode';

const BACKEND_LABELS: Record<SiteEntry['backend'], string> = { adminService: 'AdminService', powershell: 'PowerShell', lab: 'Lab' };

/**
 * A configured site. Expanding it signs in (in the background, showing "Signing in…"), then
 * lists its root folders and root collections, or the filter's matches across folders.
 */
export class SiteNode extends SitesTreeNode implements SiteScope, PagedNode {
  readonly id: string;
  private folderList: Promise<readonly CollectionFolder[]> | undefined;
  private rootListing: CollectionListing;
  private searchListing: CollectionListing | undefined;
  private readonly folderNodes = new NodeCache<FolderNode>();

  constructor(
    readonly connection: SiteConnection,
    readonly services: TreeServices,
  ) {
    super(undefined);
    this.id = TreeIds.site(connection.entry.name);
    this.rootListing = new CollectionListing(this, this, { folderPath: '/' });
  }

  get entry(): SiteEntry {
    return this.connection.entry;
  }

  backend(): Promise<SiteBackend> {
    return this.connection.connect();
  }

  folders(): Promise<readonly CollectionFolder[]> {
    if (!this.folderList) {
      const load = this.backend().then((b) => b.listCollectionFolders());
      // A failed load is not cached: the next expand tries again.
      load.catch(() => {
        if (this.folderList === load) this.folderList = undefined;
      });
      this.folderList = load;
    }
    return this.folderList;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.services;
    const state = this.connection.state;
    // The lab is local and instant, so it opens expanded; real sites sign in only when asked.
    const collapsed = this.entry.backend === 'lab' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(this.entry.name, collapsed);
    item.id = this.id;
    const backend = BACKEND_LABELS[this.entry.backend];
    const lines = [`**${escapeMarkdown(this.entry.name)}** (${backend})`];
    switch (state.kind) {
      case 'connected':
        item.description = `${state.info.siteCode} · ${backend}`;
        item.iconPath = new vscode.ThemeIcon(this.entry.backend === 'lab' ? 'beaker' : 'server', new vscode.ThemeColor('charts.green'));
        lines.push(t('Connected to {0} ({1}), version {2}', escapeMarkdown(state.info.siteName), escapeMarkdown(state.info.siteCode), escapeMarkdown(state.info.version)));
        lines.push(t('SMS Provider: {0}', escapeMarkdown(state.info.providerHost)));
        break;
      case 'connecting':
        item.description = t('Signing in…');
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        break;
      case 'failed':
        item.description = t('Not connected');
        item.iconPath = new vscode.ThemeIcon('server', new vscode.ThemeColor('list.errorForeground'));
        lines.push(t('Not connected: {0}', escapeMarkdown(state.error instanceof Error ? state.error.message : String(state.error))));
        break;
      default:
        item.description = backend;
        item.iconPath = new vscode.ThemeIcon(this.entry.backend === 'lab' ? 'beaker' : 'server');
    }
    if (this.services.filterText() !== undefined) lines.push(t('Showing the collections whose name contains "{0}".', escapeMarkdown(this.services.filterText() ?? '')));
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    item.contextValue = siteContextValue(this.entry.backend, state.kind === 'connected' ? 'connected' : state.kind === 'failed' ? 'failed' : 'disconnected');
    return item;
  }

  override async getChildren(): Promise<SitesTreeNode[]> {
    const { t } = this.services;
    if (!vscode.workspace.isTrusted) return [failureNode(this, new WorkspaceUntrustedError(), this.entry.name, t)];
    const state = this.connection.state;
    if (state.kind === 'idle' || state.kind === 'connecting') {
      // Sign in in the background; the connection's state change refreshes this node.
      if (state.kind === 'idle') this.connection.connect().catch(() => undefined);
      return [new MessageNode(this, 'signingIn', t('Signing in…'), { icon: new vscode.ThemeIcon('loading~spin') })];
    }
    if (state.kind === 'failed') return [failureNode(this, state.error, this.entry.name, t)];
    const filter = this.services.filterText();
    if (filter !== undefined) return this.searchChildren(filter);
    return folderChildren(this, this, 0, this.rootListing, this.folderNodes);
  }

  private async searchChildren(filter: string): Promise<SitesTreeNode[]> {
    const { t, logger } = this.services;
    if (this.searchListing?.query.search !== filter) this.searchListing = new CollectionListing(this, this, { search: filter });
    try {
      await this.searchListing.load();
    } catch (err) {
      logger.error(`Searching the collections of "${this.entry.name}" failed`, err);
      return [failureNode(this, err, this.entry.name, t)];
    }
    if (this.searchListing.isEmpty) return [new MessageNode(this, 'noMatch', t('No collection name contains "{0}"', filter), { icon: new vscode.ThemeIcon('search') })];
    return this.searchListing.nodesForLoadedPages();
  }

  loadMore(): Promise<void> {
    const listing = this.services.filterText() !== undefined ? this.searchListing : this.rootListing;
    return listing ? listing.loadMore() : Promise.resolve();
  }

  /** Forgets folders and pages; a failed sign-in is forgotten too so the next expand retries. */
  override reset(): void {
    this.folderList = undefined;
    this.rootListing.reset();
    this.searchListing = undefined;
    this.folderNodes.clear();
    if (this.connection.state.kind === 'failed') this.connection.reset();
  }
}
