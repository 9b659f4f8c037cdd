import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import type { SiteConnections } from '../sites/SiteConnections';
import type { SiteSettings } from '../sites/SiteSettings';
import { SiteNode } from './nodes/SiteNode';
import type { SitesTreeNode, TreeServices } from './nodes/SitesTreeNode';

/**
 * The Sites view: one root per configured site, lazy children, paged listings, an optional
 * collection filter. Nodes keep their loaded pages, so refreshing one node never reloads others.
 */
export class SitesTreeProvider extends DisposableStore implements vscode.TreeDataProvider<SitesTreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<SitesTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly siteNodes = new Map<string, SiteNode>();
  /** Nodes last handed to VS Code, by id: commands find a collection's node to refresh it. */
  private readonly shown = new Map<string, SitesTreeNode>();
  private filter: string | undefined;
  private readonly filterChanged = this.register(new vscode.EventEmitter<string | undefined>());
  readonly onDidChangeFilter = this.filterChanged.event;
  readonly services: TreeServices;

  constructor(
    private readonly settings: SiteSettings,
    private readonly connections: SiteConnections,
    logger: Logger,
  ) {
    super();
    this.services = {
      pageSize: () => settings.pageSize,
      filterText: () => this.filter,
      refresh: (node) => this.refresh(node),
      logger,
      t: vscode.l10n.t,
    };
    this.register(connections.onDidChangeState((c) => this.changed.fire(this.siteNodes.get(c.entry.name.toLowerCase()))));
  }

  get filterText(): string | undefined {
    return this.filter;
  }

  getTreeItem(node: SitesTreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: SitesTreeNode): Promise<SitesTreeNode[]> {
    const children = node ? await node.getChildren() : this.rootNodes();
    for (const c of children) this.shown.set(c.id, c);
    return children;
  }

  getParent(node: SitesTreeNode): SitesTreeNode | undefined {
    return node.parent;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: SitesTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (item.tooltip === undefined) item.tooltip = await node.resolveTooltip(token);
    return item;
  }

  /** The root node of every configured site, reusing nodes so their loaded children survive. */
  rootNodes(): SiteNode[] {
    const entries = this.settings.sites;
    const keep = new Set<string>();
    const nodes = entries.map((entry) => {
      const key = entry.name.toLowerCase();
      keep.add(key);
      const connection = this.connections.get(entry);
      let node = this.siteNodes.get(key);
      if (!node || node.connection !== connection) {
        if (node) this.forgetShown(node);
        node = new SiteNode(connection, this.services);
        this.siteNodes.set(key, node);
      }
      return node;
    });
    for (const [key, node] of [...this.siteNodes]) {
      if (keep.has(key)) continue;
      this.forgetShown(node);
      this.siteNodes.delete(key);
    }
    return nodes;
  }

  /** Drops the nodes of a replaced or removed site, so findNode never hands a command a node of the old connection. */
  private forgetShown(site: SiteNode): void {
    const prefix = `${site.id}/`;
    for (const id of [...this.shown.keys()]) if (id === site.id || id.startsWith(prefix)) this.shown.delete(id);
  }

  siteNode(name: string): SiteNode | undefined {
    return this.rootNodes().find((n) => n.entry.name.toLowerCase() === name.toLowerCase());
  }

  /** A node VS Code has been shown, by its stable id. */
  findNode(id: string): SitesTreeNode | undefined {
    return this.shown.get(id);
  }

  /** Reloads one node (and below), or the whole tree. */
  refresh(node?: SitesTreeNode): void {
    if (node) {
      node.reset();
      this.changed.fire(node);
      return;
    }
    for (const n of this.siteNodes.values()) n.reset();
    this.shown.clear();
    this.changed.fire(undefined);
  }

  /** Redraws without dropping loaded pages (new connection state, new page loaded). */
  redraw(node?: SitesTreeNode): void {
    this.changed.fire(node);
  }

  setFilter(text: string | undefined): void {
    const value = text?.trim() ? text.trim() : undefined;
    if (value === this.filter) return;
    this.filter = value;
    this.filterChanged.fire(value);
    this.changed.fire(undefined);
  }
}
