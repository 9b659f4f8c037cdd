import * as vscode from 'vscode';
import type { Collection, CollectionMember } from '../../core/site/model';
import { collectionContextValue } from '../contextValue';
import { PagedList } from '../PagedList';
import { collectionDescription, collectionTooltip } from '../tooltips';
import { TreeIds } from '../treeIds';
import { DeviceNode } from './DeviceNode';
import { LoadMoreNode } from './LoadMoreNode';
import { failureNode, MessageNode } from './MessageNode';
import { NodeCache, SitesTreeNode, type PagedNode, type SiteScope } from './SitesTreeNode';

/** A device collection; its members load one page at a time. */
export class CollectionNode extends SitesTreeNode implements PagedNode {
  readonly id: string;
  private readonly members: PagedList<CollectionMember>;
  private readonly devices = new NodeCache<DeviceNode>();

  constructor(
    parent: SitesTreeNode,
    readonly scope: SiteScope,
    public collection: Collection,
  ) {
    super(parent);
    this.id = TreeIds.collection(scope.entry.name, collection.id);
    this.members = new PagedList(async (skip, top) => (await scope.backend()).listCollectionMembers(collection.id, { top, skip }));
  }

  get siteName(): string {
    return this.scope.entry.name;
  }

  /**
   * New data for the row (parent reload, update of membership). A parent's older page must not
   * undo what an update of membership just read, so data with an earlier evaluation is ignored.
   */
  update(collection: Collection): void {
    const current = this.collection.lastRefreshTime ?? '';
    if ((collection.lastRefreshTime ?? '') < current) return;
    this.collection = collection;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.collection;
    const { t } = this.scope.services;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = collectionDescription(c, t);
    // The tooltip stays unset so VS Code asks resolveTreeItem on hover: the lazy properties
    // (refresh type, rules) come only from a read by id, one per hovered collection.
    item.accessibilityInformation = { label: `${c.name}, ${item.description}` };
    item.iconPath = c.isBuiltIn ? new vscode.ThemeIcon('group-by-ref-type') : new vscode.ThemeIcon('layers');
    item.contextValue = collectionContextValue(c);
    return item;
  }

  override async resolveTooltip(token: vscode.CancellationToken): Promise<vscode.MarkdownString> {
    const { t, logger } = this.scope.services;
    let text: string;
    try {
      const detail = await (await this.scope.backend()).getCollection(this.collection.id, { token });
      text = collectionTooltip(detail, t);
    } catch (err) {
      logger.warn(`Reading collection ${this.collection.id} for its tooltip failed: ${err instanceof Error ? err.message : String(err)}`);
      text = collectionTooltip(this.collection, t, t('The refresh type and membership rules could not be read.'));
    }
    return new vscode.MarkdownString(text);
  }

  override async getChildren(): Promise<SitesTreeNode[]> {
    const { services } = this.scope;
    try {
      await this.members.ensureFirstPage(services.pageSize());
    } catch (err) {
      services.logger.error(`Loading the members of ${this.collection.id} on "${this.siteName}" failed`, err);
      return [failureNode(this, err, this.siteName, services.t)];
    }
    const seen = new Set<string>();
    const children: SitesTreeNode[] = [];
    for (const m of this.members.items) {
      const node = this.devices.get(
        TreeIds.device(this.siteName, this.collection.id, m.resourceId),
        () => new DeviceNode(this, this.scope, this.collection.id, m),
        (n) => n.update(m),
      );
      // Paging with $skip can repeat a row when membership changes between pages; VS Code refuses duplicate ids.
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      children.push(node);
    }
    this.devices.retain(seen);
    if (children.length === 0) return [new MessageNode(this, 'empty', services.t('No members'), { icon: new vscode.ThemeIcon('info') })];
    if (this.members.hasMore) children.push(new LoadMoreNode(this, children.length, services.t));
    return children;
  }

  async loadMore(): Promise<void> {
    await this.members.loadNextPage(this.scope.services.pageSize());
  }

  override reset(): void {
    this.members.reset();
    this.devices.clear();
  }
}
