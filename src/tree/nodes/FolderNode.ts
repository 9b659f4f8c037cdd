import * as vscode from 'vscode';
import type { CollectionFolder } from '../../core/site/model';
import { ContextTokens, createContextValue } from '../contextValue';
import { escapeMarkdown } from '../text';
import { TreeIds } from '../treeIds';
import { CollectionListing } from './CollectionListing';
import { failureNode, MessageNode } from './MessageNode';
import { NodeCache, SitesTreeNode, type PagedNode, type SiteScope } from './SitesTreeNode';

/**
 * Children of a console folder (or of the site root, folder id 0): its subfolders by name, then its
 * collections page by page. A failure shows as one node; the rest of the tree keeps working.
 */
export async function folderChildren(
  owner: SitesTreeNode & PagedNode,
  scope: SiteScope,
  folderId: number,
  listing: CollectionListing,
  folderNodes: NodeCache<FolderNode>,
): Promise<SitesTreeNode[]> {
  const { services, entry } = scope;
  let subfolders: CollectionFolder[];
  try {
    subfolders = (await scope.folders()).filter((f) => f.parentId === folderId && f.id !== folderId).sort((a, b) => a.name.localeCompare(b.name));
    await listing.load();
  } catch (err) {
    services.logger.error(`Loading folder ${folderId} of "${entry.name}" failed`, err);
    return [failureNode(owner, err, entry.name, services.t)];
  }
  const ids = new Set<string>();
  const folders = subfolders.map((f) => {
    const id = TreeIds.folder(entry.name, f.id);
    ids.add(id);
    return folderNodes.get(id, () => new FolderNode(owner, scope, f), (n) => n.update(f));
  });
  folderNodes.retain(ids);
  const collections = listing.nodesForLoadedPages();
  if (folders.length === 0 && collections.length === 0) {
    return [new MessageNode(owner, 'empty', services.t('No collections'), { icon: new vscode.ThemeIcon('info') })];
  }
  return [...folders, ...collections];
}

/** A console folder of device collections (SMS_ObjectContainerNode, ObjectType 5000). */
export class FolderNode extends SitesTreeNode implements PagedNode {
  readonly id: string;
  private listing: CollectionListing;
  private readonly subfolders = new NodeCache<FolderNode>();

  constructor(
    parent: SitesTreeNode,
    readonly scope: SiteScope,
    public folder: CollectionFolder,
  ) {
    super(parent);
    this.id = TreeIds.folder(scope.entry.name, folder.id);
    this.listing = new CollectionListing(this, scope, { folderPath: folder.path });
  }

  update(folder: CollectionFolder): void {
    if (folder.path !== this.folder.path) this.listing = new CollectionListing(this, this.scope, { folderPath: folder.path });
    this.folder = folder;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.folder.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('folder');
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(this.folder.name)}**\n\n${escapeMarkdown(this.folder.path)}`);
    item.contextValue = createContextValue([ContextTokens.folder]);
    return item;
  }

  override getChildren(): Promise<SitesTreeNode[]> {
    return folderChildren(this, this.scope, this.folder.id, this.listing, this.subfolders);
  }

  loadMore(): Promise<void> {
    return this.listing.loadMore();
  }

  override reset(): void {
    this.listing.reset();
    this.subfolders.clear();
  }
}
